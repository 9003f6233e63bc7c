#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "analytics.hpp"

namespace cadre::recruiting {

/// A report as CSV: the header and the rows.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// The JSON of each report. Every answer starts with the scope it covers: "requisitionId",
/// "from" and "to" (null when open).
Poco::JSON::Object::Ptr funnelJson(const AnalyticsScope& scope, const Funnel& funnel);
Poco::JSON::Object::Ptr hireTimesJson(const AnalyticsScope& scope,
                                      const TimeReport<HireTime>& report);
Poco::JSON::Object::Ptr fillTimesJson(const AnalyticsScope& scope,
                                      const TimeReport<FillTime>& report);
Poco::JSON::Object::Ptr sourcesJson(const AnalyticsScope& scope,
                                    const std::vector<SourceFigures>& sources);
Poco::JSON::Object::Ptr interviewersJson(const AnalyticsScope& scope,
                                         const std::vector<InterviewerLoad>& load);
Poco::JSON::Object::Ptr offersJson(const AnalyticsScope& scope, const OfferReport& report);

/// The CSV of each report: a funnel's stages; the hires or fills the times were taken over;
/// a row per source and currency of its costs (one without a cost when it has none); a row per
/// interviewer; a row per requisition's offers and a last one, "total", over all of them.
CsvTable funnelCsv(const Funnel& funnel);
CsvTable hireTimesCsv(const TimeReport<HireTime>& report);
CsvTable fillTimesCsv(const TimeReport<FillTime>& report);
CsvTable sourcesCsv(const std::vector<SourceFigures>& sources);
CsvTable interviewersCsv(const std::vector<InterviewerLoad>& load);
CsvTable offersCsv(const OfferReport& report);

}  // namespace cadre::recruiting
