#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "cadre/territory/org_directory.hpp"
#include "employee_store.hpp"

namespace cadre::territory {

/// An employee with every field (for HR, the person themself and their managers).
Poco::JSON::Object::Ptr employeeJson(const EmployeeRecord& employee);
/// The compact text of employeeJson, character for character what toJson(employeeJson(e))
/// writes, without building the object: the audit entry and event of every hire in a bulk run.
std::string employeeJsonText(const EmployeeRecord& employee);
/// The public directory fields of an employee (what every colleague may see).
Poco::JSON::Object::Ptr publicEmployeeJson(const EmployeeRecord& employee);
Poco::JSON::Object::Ptr assignmentJson(const Assignment& assignment);
Poco::JSON::Object::Ptr statusJson(const StatusChange& change);

}  // namespace cadre::territory
