#include "auth/token_source.hpp"

#include <gtest/gtest.h>

namespace cadre::auth {
namespace {

Request withHeaders(std::map<std::string, std::string> headers) {
  Request request;
  request.headers = std::move(headers);
  return request;
}

TEST(PresentedToken, ReadsABearerToken) {
  bool viaCookie = true;
  EXPECT_EQ(presentedToken(withHeaders({{"authorization", "Bearer abc-123_x"}}), viaCookie),
            "abc-123_x");
  EXPECT_FALSE(viaCookie);
  EXPECT_EQ(presentedToken(withHeaders({{"authorization", "bearer   abc"}}), viaCookie), "abc");
}

TEST(PresentedToken, ReadsTheSessionCookie) {
  bool viaCookie = false;
  auto request = withHeaders({{"cookie", "theme=dark; cadre_session=tok-1; lang=sv"}});
  EXPECT_EQ(presentedToken(request, viaCookie), "tok-1");
  EXPECT_TRUE(viaCookie);
  EXPECT_EQ(presentedToken(withHeaders({{"cookie", "cadre_session=tok-2"}}), viaCookie), "tok-2");
}

TEST(PresentedToken, BearerWinsOverTheCookie) {
  bool viaCookie = true;
  auto request =
      withHeaders({{"authorization", "Bearer from-header"}, {"cookie", "cadre_session=c"}});
  EXPECT_EQ(presentedToken(request, viaCookie), "from-header");
  EXPECT_FALSE(viaCookie);
}

TEST(PresentedToken, NothingUsable) {
  bool viaCookie = true;
  EXPECT_EQ(presentedToken(withHeaders({}), viaCookie), std::nullopt);
  EXPECT_FALSE(viaCookie);
  EXPECT_EQ(presentedToken(withHeaders({{"authorization", "Basic YTpi"}}), viaCookie),
            std::nullopt);
  EXPECT_EQ(presentedToken(withHeaders({{"authorization", "Bearer "}}), viaCookie), std::nullopt);
  EXPECT_EQ(
      presentedToken(withHeaders({{"cookie", "xcadre_session=a; cadre_session="}}), viaCookie),
      std::nullopt);
  EXPECT_FALSE(viaCookie);
}

}  // namespace
}  // namespace cadre::auth
