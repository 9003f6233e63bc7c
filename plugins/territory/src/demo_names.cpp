#include "demo_names.hpp"

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace cadre::territory {

namespace {

using Words = std::vector<std::string>;

const std::string& pick(const Words& words, DemoRandom& random) {
  return words[static_cast<std::size_t>(random.below(static_cast<std::int64_t>(words.size())))];
}

const Words kVietFamily = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh",
                           "Phan",   "Vũ",   "Võ", "Đặng", "Bùi",   "Đỗ"};
const Words kVietGiven = {"Văn An",   "Thị Bích",    "Minh Châu",  "Quốc Dũng", "Thu Hà",
                          "Đức Huy",  "Ngọc Lan",    "Hoàng Long", "Thị Mai",   "Văn Nam",
                          "Bảo Ngọc", "Thanh Phong", "Kim Quyên",  "Minh Tâm",  "Thị Thảo",
                          "Anh Tuấn", "Hồng Vân",    "Xuân Yến"};
const Words kIndoGiven = {"Budi",   "Siti",  "Agus", "Dewi",  "Rudi",  "Sri",   "Andi",  "Putri",
                          "Hendra", "Ratna", "Eko",  "Wulan", "Fajar", "Indah", "Yusuf", "Kartika"};
const Words kIndoFamily = {"Santoso", "Rahayu",  "Wijaya",  "Kusuma",  "Saputra", "Hidayat",
                           "Pratama", "Lestari", "Nugroho", "Susanto", "Halim",   "Setiawan"};
const Words kChinaFamily = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
const Words kChinaGiven = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊",
                           "军", "洋", "勇", "艳",   "杰", "娟", "涛", "明", "超"};

const Words kVietKind = {"Thương mại", "Dịch vụ", "Sản xuất", "Xây dựng", "Thực phẩm"};
const Words kVietBrand = {"Hòa Phát",  "Sao Mai",  "Hồng Hà",  "Phú Thành",
                          "Minh Long", "An Khang", "Đại Việt", "Tân Phát"};
const Words kIndoFirst = {"Sinar", "Maju", "Cahaya", "Mitra", "Karya", "Bumi", "Sentosa"};
const Words kIndoSecond = {"Abadi", "Jaya", "Makmur", "Sejahtera", "Utama", "Perkasa", "Nusantara"};
const Words kChinaCity = {"上海", "深圳", "广州", "杭州", "苏州"};
const Words kChinaBrand = {"华兴", "永利", "鑫达", "宏远", "金辉", "恒通", "瑞丰"};
const Words kChinaKind = {"贸易", "科技", "食品", "电子", "物流"};

// Howard Hinnant's civil-date algorithms: days since 1970-01-01 and back, proleptic Gregorian.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char text[48];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return text;
}

std::int64_t toDays(const std::string& isoDate) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (std::sscanf(isoDate.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
    throw std::invalid_argument("not a date: " + isoDate);
  }
  return daysFromCivil(y, m, d);
}

}  // namespace

std::int64_t DemoRandom::below(std::int64_t bound) {
  state_ += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  return static_cast<std::int64_t>(z % static_cast<std::uint64_t>(bound));
}

std::pair<std::string, std::string> demoPersonName(DemoMarket market, DemoRandom& random) {
  switch (market) {
    case DemoMarket::Vietnam:
      return {pick(kVietGiven, random), pick(kVietFamily, random)};
    case DemoMarket::Indonesia:
      return {pick(kIndoGiven, random), pick(kIndoFamily, random)};
    case DemoMarket::China:
      break;
  }
  return {pick(kChinaGiven, random), pick(kChinaFamily, random)};
}

std::string demoAccountName(DemoMarket market, DemoRandom& random) {
  switch (market) {
    case DemoMarket::Vietnam:
      return "Công ty TNHH " + pick(kVietKind, random) + " " + pick(kVietBrand, random);
    case DemoMarket::Indonesia:
      return "PT " + pick(kIndoFirst, random) + " " + pick(kIndoSecond, random);
    case DemoMarket::China:
      break;
  }
  return pick(kChinaCity, random) + pick(kChinaBrand, random) + pick(kChinaKind, random) +
         "有限公司";
}

std::string demoMailbox(const std::string& employeeNumber) {
  std::string box;
  for (char c : employeeNumber) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) box += c;
    if (c >= 'A' && c <= 'Z') box += static_cast<char>(c - 'A' + 'a');
  }
  return box + "@demo.cadre.example";
}

std::string demoAddDays(const std::string& isoDate, std::int64_t days) {
  return civilFromDays(toDays(isoDate) + days);
}

std::int64_t demoDaysBetween(const std::string& from, const std::string& to) {
  return toDays(to) - toDays(from);
}

}  // namespace cadre::territory
