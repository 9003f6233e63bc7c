#include "analytics_output.hpp"

#include <cstdio>

#include <Poco/JSON/Array.h>

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

namespace {

/// A figure as CSV text: integers without decimals, others with up to 4; empty for none.
std::string decimal(const std::optional<double>& value) {
  if (!value) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f", *value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string number(std::int64_t value) {
  return std::to_string(value);
}

Poco::JSON::Object::Ptr scoped(const AnalyticsScope& scope) {
  auto out = orderedObject();
  setOptional(*out, "requisitionId", scope.requisitionId);
  setOptional(*out, "from", scope.from);
  setOptional(*out, "to", scope.to);
  return out;
}

void setStats(Poco::JSON::Object& out, const DayStats& stats) {
  out.set("count", stats.count);
  setOptional(out, "meanDays", stats.mean);
  setOptional(out, "medianDays", stats.median);
  setOptional(out, "p90Days", stats.p90);
}

Poco::JSON::Object::Ptr offerFiguresJson(const OfferFigures& f) {
  auto out = orderedObject();
  if (f.requisitionId) {
    out->set("requisitionId", *f.requisitionId);
    out->set("requisitionTitle", f.requisitionTitle);
  }
  out->set("made", f.made);
  out->set("accepted", f.accepted);
  out->set("declined", f.declined);
  out->set("expired", f.expired);
  out->set("withdrawn", f.withdrawn);
  out->set("open", f.open);
  setOptional(*out, "acceptanceRate", f.acceptanceRate);
  return out;
}

std::vector<std::string> offerRow(const OfferFigures& f) {
  return {f.requisitionId ? number(*f.requisitionId) : "",
          f.requisitionId ? f.requisitionTitle : "total",
          number(f.made),
          number(f.accepted),
          number(f.declined),
          number(f.expired),
          number(f.withdrawn),
          number(f.open),
          decimal(f.acceptanceRate)};
}

}  // namespace

Poco::JSON::Object::Ptr funnelJson(const AnalyticsScope& scope, const Funnel& funnel) {
  auto out = scoped(scope);
  out->set("applications", funnel.applications);
  Poco::JSON::Array::Ptr stages = new Poco::JSON::Array;
  for (const auto& s : funnel.stages) {
    auto stage = orderedObject();
    stage->set("code", s.code);
    stage->set("name", s.name);
    stage->set("kind", s.kind);
    stage->set("order", s.order);
    stage->set("reached", s.reached);
    stage->set("current", s.current);
    stage->set("rejectedHere", s.rejectedHere);
    stage->set("withdrawnHere", s.withdrawnHere);
    setOptional(*stage, "conversion", s.conversion);
    setOptional(*stage, "ofFirst", s.ofFirst);
    stages->add(stage);
  }
  out->set("stages", stages);
  return out;
}

Poco::JSON::Object::Ptr hireTimesJson(const AnalyticsScope& scope,
                                      const TimeReport<HireTime>& report) {
  auto out = scoped(scope);
  setStats(*out, report.stats);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& h : report.items) {
    auto item = orderedObject();
    item->set("applicationId", h.applicationId);
    item->set("requisitionId", h.requisitionId);
    item->set("requisitionTitle", h.requisitionTitle);
    item->set("candidateId", h.candidateId);
    item->set("appliedAt", h.appliedAt);
    item->set("hiredAt", h.hiredAt);
    item->set("days", static_cast<std::int64_t>(h.days));
    items->add(item);
  }
  out->set("items", items);
  return out;
}

Poco::JSON::Object::Ptr fillTimesJson(const AnalyticsScope& scope,
                                      const TimeReport<FillTime>& report) {
  auto out = scoped(scope);
  setStats(*out, report.stats);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& f : report.items) {
    auto item = orderedObject();
    item->set("requisitionId", f.requisitionId);
    item->set("title", f.title);
    item->set("orgUnitId", f.orgUnitId);
    item->set("openings", f.openings);
    item->set("openedAt", f.openedAt);
    item->set("filledAt", f.filledAt);
    item->set("days", static_cast<std::int64_t>(f.days));
    items->add(item);
  }
  out->set("items", items);
  return out;
}

Poco::JSON::Object::Ptr sourcesJson(const AnalyticsScope& scope,
                                    const std::vector<SourceFigures>& sources) {
  auto out = scoped(scope);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& s : sources) {
    auto item = orderedObject();
    item->set("source", s.source);
    item->set("applications", s.applications);
    item->set("hires", s.hires);
    setOptional(*item, "hireRate", s.hireRate);
    Poco::JSON::Array::Ptr costs = new Poco::JSON::Array;
    for (const auto& c : s.costs) {
      auto cost = orderedObject();
      setOptional(*cost, "currency",
                  c.currency.empty() ? std::nullopt : std::optional<std::string>(c.currency));
      cost->set("total", c.total);
      setOptional(*cost, "perHire", c.perHire);
      costs->add(cost);
    }
    item->set("costs", costs);
    items->add(item);
  }
  out->set("items", items);
  return out;
}

Poco::JSON::Object::Ptr interviewersJson(const AnalyticsScope& scope,
                                         const std::vector<InterviewerLoad>& load) {
  auto out = scoped(scope);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& l : load) {
    auto item = orderedObject();
    item->set("employeeId", l.employeeId);
    item->set("name", l.name);
    item->set("interviews", l.interviews);
    item->set("upcoming", l.upcoming);
    item->set("scorecardsSubmitted", l.scorecardsSubmitted);
    item->set("scorecardsPending", l.scorecardsPending);
    setOptional(*item, "oldestPendingEndedAt", l.oldestPendingEndedAt);
    items->add(item);
  }
  out->set("items", items);
  return out;
}

Poco::JSON::Object::Ptr offersJson(const AnalyticsScope& scope, const OfferReport& report) {
  auto out = scoped(scope);
  out->set("total", offerFiguresJson(report.total));
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& f : report.requisitions) items->add(offerFiguresJson(f));
  out->set("requisitions", items);
  return out;
}

CsvTable funnelCsv(const Funnel& funnel) {
  CsvTable table{{"code", "name", "kind", "order", "reached", "current", "rejectedHere",
                  "withdrawnHere", "conversion", "ofFirst"},
                 {}};
  for (const auto& s : funnel.stages) {
    table.rows.push_back({s.code, s.name, s.kind, number(s.order), number(s.reached),
                          number(s.current), number(s.rejectedHere), number(s.withdrawnHere),
                          decimal(s.conversion), decimal(s.ofFirst)});
  }
  return table;
}

CsvTable hireTimesCsv(const TimeReport<HireTime>& report) {
  CsvTable table{{"applicationId", "requisitionId", "requisitionTitle", "candidateId", "appliedAt",
                  "hiredAt", "days"},
                 {}};
  for (const auto& h : report.items) {
    table.rows.push_back({number(h.applicationId), number(h.requisitionId), h.requisitionTitle,
                          number(h.candidateId), h.appliedAt, h.hiredAt, number(h.days)});
  }
  return table;
}

CsvTable fillTimesCsv(const TimeReport<FillTime>& report) {
  CsvTable table{
      {"requisitionId", "title", "orgUnitId", "openings", "openedAt", "filledAt", "days"}, {}};
  for (const auto& f : report.items) {
    table.rows.push_back({number(f.requisitionId), f.title, number(f.orgUnitId), number(f.openings),
                          f.openedAt, f.filledAt, number(f.days)});
  }
  return table;
}

CsvTable sourcesCsv(const std::vector<SourceFigures>& sources) {
  CsvTable table{{"source", "applications", "hires", "hireRate", "currency", "cost", "costPerHire"},
                 {}};
  for (const auto& s : sources) {
    std::vector<std::string> figures{s.source, number(s.applications), number(s.hires),
                                     decimal(s.hireRate)};
    if (s.costs.empty()) {
      figures.insert(figures.end(), {"", "", ""});
      table.rows.push_back(figures);
    }
    for (const auto& c : s.costs) {
      auto row = figures;
      row.insert(row.end(), {c.currency, decimal(c.total), decimal(c.perHire)});
      table.rows.push_back(row);
    }
  }
  return table;
}

CsvTable interviewersCsv(const std::vector<InterviewerLoad>& load) {
  CsvTable table{{"employeeId", "name", "interviews", "upcoming", "scorecardsSubmitted",
                  "scorecardsPending", "oldestPendingEndedAt"},
                 {}};
  for (const auto& l : load) {
    table.rows.push_back({number(l.employeeId), l.name, number(l.interviews), number(l.upcoming),
                          number(l.scorecardsSubmitted), number(l.scorecardsPending),
                          l.oldestPendingEndedAt.value_or("")});
  }
  return table;
}

CsvTable offersCsv(const OfferReport& report) {
  CsvTable table{{"requisitionId", "requisitionTitle", "made", "accepted", "declined", "expired",
                  "withdrawn", "open", "acceptanceRate"},
                 {}};
  for (const auto& f : report.requisitions) table.rows.push_back(offerRow(f));
  table.rows.push_back(offerRow(report.total));
  return table;
}

}  // namespace cadre::recruiting
