// The demo's requisitions and candidates: fixed data, so that every run seeds the same story.
#include "demo_openings.hpp"

namespace cadre::recruiting {

namespace {

using O = DemoOutcome;

DemoOpening hanoiKeyAccounts() {
  DemoOpening o;
  o.teamCode = "T-HAN-KA";
  o.title = "Account Executive · Khách hàng lớn";
  o.newPositionTitle = "Account Executive";
  o.openings = 2;
  o.salaryMin = 18000000;
  o.salaryMax = 26000000;
  o.currency = "VND";
  o.startInDays = 30;
  o.description =
      "Two account executives for the key accounts of Hà Nội: distributors and "
      "modern-trade chains.";
  o.hireStartInDays = -14;
  o.candidates = {
      {"Lan", "Trần Thị", "lan.tran@example.vn", "+84 90 123 4501", "job_board", "TopCV", 1500000,
       O::Hired, ""},
      {"Bảo", "Phạm Quốc", "bao.pham@example.vn", "+84 90 123 4502", "referral", "", 0,
       O::OfferExtended, ""},
      {"Nam", "Lê Hoàng", "nam.le@example.vn", "+84 90 123 4503", "agency", "Navigos Search",
       8000000, O::InterviewScored, ""},
      {"Thư", "Võ Minh", "thu.vo@example.vn", "+84 90 123 4504", "job_board", "VietnamWorks",
       1500000, O::InterviewScheduled, ""},
      {"Hà", "Đặng Thu", "ha.dang@example.vn", "+84 90 123 4505", "campus", "Đại học Ngoại thương",
       0, O::Screening, ""},
      {"Anh", "Bùi Đức", "anh.bui@example.vn", "+84 90 123 4506", "direct", "", 0, O::Applied, ""},
      {"Phương", "Hoàng Mai", "phuong.hoang@example.vn", "+84 90 123 4507", "event",
       "Ngày hội việc làm Hà Nội", 0, O::Applied, ""},
      {"Tùng", "Ngô Thanh", "tung.ngo@example.vn", "+84 90 123 4508", "job_board", "TopCV", 1500000,
       O::Rejected, "Little field sales experience; not yet ready for key accounts"},
      {"Linh", "Đỗ Khánh", "linh.do@example.vn", "+84 90 123 4509", "job_board", "VietnamWorks",
       1500000, O::Withdrawn, "Accepted another offer"},
  };
  return o;
}

DemoOpening jakartaRetail() {
  DemoOpening o;
  o.teamCode = "T-JKT-RT";
  o.title = "Account Executive · Ritel";
  o.newPositionTitle = "Account Executive";
  o.salaryMin = 9000000;
  o.salaryMax = 13000000;
  o.currency = "IDR";
  o.startInDays = 45;
  o.description = "An account executive for independent retailers in South Jakarta.";
  o.candidates = {
      {"Siti", "Rahmawati", "siti.rahmawati@example.id", "+62 812 5550 101", "agency",
       "Kelly Services", 4000000, O::OfferAwaitingApproval, ""},
      {"Budi", "Santoso", "budi.santoso@example.id", "+62 812 5550 102", "job_board", "JobStreet",
       500000, O::InterviewScheduled, ""},
      {"Dewi", "Lestari", "dewi.lestari@example.id", "+62 812 5550 103", "referral", "", 0,
       O::Screening, ""},
      {"Agus", "Wijaya", "agus.wijaya@example.id", "+62 812 5550 104", "job_board", "JobStreet",
       500000, O::Screening, ""},
      {"Putri", "Maharani", "putri.maharani@example.id", "+62 812 5550 105", "campus",
       "Universitas Indonesia", 0, O::Applied, ""},
      {"Rizky", "Pratama", "rizky.pratama@example.id", "+62 812 5550 106", "direct", "", 0,
       O::Rejected, "Looking for a field role outside Jakarta"},
      {"สมชาย", "ใจดี", "somchai.jaidee@example.th", "+66 81 555 0107", "event",
       "ASEAN Sales Meetup", 0, O::Withdrawn, "Moving back to Bangkok"},
  };
  return o;
}

DemoOpening shanghaiKeyAccounts() {
  DemoOpening o;
  o.teamCode = "T-SHA-KA";
  o.title = "大客户销售代表 (Key Account Executive)";
  o.newPositionTitle = "Key Account Executive";
  o.salaryMin = 15000;
  o.salaryMax = 22000;
  o.currency = "CNY";
  o.startInDays = 60;
  o.description = "A key account executive for the hypermarket chains of Shanghai.";
  o.candidates = {
      {"芳", "王", "fang.wang@example.cn", "+86 138 0000 0201", "job_board", "智联招聘", 300,
       O::InterviewScored, ""},
      {"伟", "李", "wei.li@example.cn", "+86 138 0000 0202", "referral", "", 0, O::Screening, ""},
      {"静", "陈", "jing.chen@example.cn", "+86 138 0000 0203", "job_board", "BOSS直聘", 300,
       O::Applied, ""},
      {"花子", "佐藤", "hanako.sato@example.jp", "+81 90 5550 0204", "agency", "Robert Walters",
       6000, O::Applied, ""},
      {"민준", "김", "minjun.kim@example.kr", "+82 10 5550 0205", "direct", "", 0, O::Rejected,
       "Mandarin not yet fluent enough for key-account negotiations"},
  };
  return o;
}

DemoOpening saigonRetail() {
  DemoOpening o;
  o.teamCode = "T-SGN-RT";
  o.title = "Account Executive · Bán lẻ";
  o.newPositionTitle = "Account Executive";
  o.salaryMin = 15000000;
  o.salaryMax = 20000000;
  o.currency = "VND";
  o.startInDays = 7;
  o.description = "An account executive for the traditional trade of District 7.";
  o.state = DemoRequisitionState::Filled;
  o.hireStartInDays = 7;
  o.candidates = {
      {"Trâm", "Huỳnh Ngọc", "tram.huynh@example.vn", "+84 90 123 4511", "job_board", "TopCV",
       1500000, O::Rejected, "Chose a candidate with more traditional-trade experience"},
      {"Bảo", "Lý Gia", "bao.ly@example.vn", "+84 90 123 4512", "campus", "Đại học Kinh tế TP.HCM",
       0, O::Withdrawn, "Stayed with the current employer after a counter-offer"},
      {"Hùng", "Nguyễn Văn", "hung.nguyen@example.vn", "+84 90 123 4513", "agency",
       "Navigos Search", 7000000, O::Hired, ""},
  };
  return o;
}

DemoOpening hanoiKeyAccountManager() {
  DemoOpening o;
  o.teamCode = "T-HAN-KA";
  o.title = "Key Account Manager · Hà Nội";
  o.newPositionTitle = "Key Account Manager";
  o.salaryMin = 30000000;
  o.salaryMax = 40000000;
  o.currency = "VND";
  o.startInDays = 90;
  o.description = "A key account manager for the national chains, waiting for approval.";
  o.state = DemoRequisitionState::PendingApproval;
  return o;
}

}  // namespace

const std::vector<DemoOpening>& demoOpenings() {
  static const std::vector<DemoOpening> openings{hanoiKeyAccounts(), jakartaRetail(),
                                                 shanghaiKeyAccounts(), saigonRetail(),
                                                 hanoiKeyAccountManager()};
  return openings;
}

}  // namespace cadre::recruiting
