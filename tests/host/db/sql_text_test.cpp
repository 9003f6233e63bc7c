#include <gtest/gtest.h>

#include "db/sql_database.hpp"

namespace cadre::db {
namespace {

TEST(SqlTextTest, NumbersPlaceholdersForPostgres) {
  EXPECT_EQ(toPostgresPlaceholders("SELECT a FROM t WHERE a = ? AND b IN (?, ?)"),
            "SELECT a FROM t WHERE a = $1 AND b IN ($2, $3)");
}

TEST(SqlTextTest, LeavesQuotedQuestionMarksAlone) {
  EXPECT_EQ(toPostgresPlaceholders("SELECT '?', 'it''s ?', \"odd?\" FROM t WHERE x = ?"),
            "SELECT '?', 'it''s ?', \"odd?\" FROM t WHERE x = $1");
}

TEST(SqlTextTest, SpellsMigrationPlaceholdersPerDialect) {
  const std::string statement = "CREATE TABLE t (id ${id}, n ${bigint}, r ${real}, b ${blob})";
  EXPECT_EQ(applyDialect(statement, SqlDialect::Sqlite),
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER, r REAL, b BLOB)");
  EXPECT_EQ(applyDialect(statement, SqlDialect::Postgres),
            "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, b BYTEA)");
}

}  // namespace
}  // namespace cadre::db
