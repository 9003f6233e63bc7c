# The ABI tag: what a plugin and the host must agree on to share C++ objects across the library
# boundary. A plugin built by another compiler, another Poco/Boost, or with sanitizers on one side
# only is refused before its factory is called.
set(CADRE_ABI_TAG "${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}/c++${CMAKE_CXX_STANDARD}/poco-${Poco_VERSION}/boost-${Boost_VERSION}")
if(CADRE_SANITIZE)
  string(APPEND CADRE_ABI_TAG "/asan")
endif()
configure_file(${CMAKE_SOURCE_DIR}/cmake/abi.hpp.in ${CMAKE_BINARY_DIR}/generated/cadre/abi.hpp @ONLY)
