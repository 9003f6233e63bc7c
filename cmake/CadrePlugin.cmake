# cadre_add_plugin(NAME name VERSION x.y.z [COMPAT x.y.z] [DEPENDS "dep>=1.0" ...] SOURCES ...
#                  [FILE_NAME file] [OUTPUT_DIR dir] [ABI_TAG tag] [LIBRARIES ...] [WEB_DIR dir])
#
# WEB_DIR (default: the calling folder's web/) holds the plugin's pages; it is copied to
# <output dir>/<name>/web, where the host serves it at /web/<name>/.
#
# FILE_NAME names the module file and the targets in place of NAME (test fixtures: two files that
# declare the same plugin name).
#
# Compiles the sources once (hidden visibility) and makes two things of them:
#   cadre_<name>         the loadable module, written to lib/cadre/plugins/<name>.so
#   cadre_<name>_static  a static twin that unit tests link
# The file that calls CADRE_PLUGIN() must be named *_plugin.cpp (see below).
# The descriptor's name, version, compatible version and dependencies come from here, through
# compile definitions that CADRE_PLUGIN() reads: one source of truth.
function(cadre_add_plugin)
  cmake_parse_arguments(P "" "NAME;VERSION;COMPAT;OUTPUT_DIR;ABI_TAG;FILE_NAME;WEB_DIR" "DEPENDS;SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_COMPAT)
    set(P_COMPAT ${P_VERSION})
  endif()
  if(NOT P_OUTPUT_DIR)
    set(P_OUTPUT_DIR ${CADRE_OUTPUT_PLUGINS})
  endif()
  if(NOT P_WEB_DIR)
    set(P_WEB_DIR ${CMAKE_CURRENT_SOURCE_DIR}/web)
  endif()
  if(NOT P_FILE_NAME)
    set(P_FILE_NAME ${P_NAME})
  endif()
  list(JOIN P_DEPENDS "," _deps)
  set(_obj cadre_${P_FILE_NAME}_objects)
  add_library(${_obj} OBJECT ${P_SOURCES})
  # The file that holds CADRE_PLUGIN() (named *_plugin.cpp) is compiled on its own: in a unity
  # build it would share an object with code the tests use, and a test linking two static twins
  # would then get two plugins' entry points.
  foreach(_source IN LISTS P_SOURCES)
    if(_source MATCHES "_plugin\\.cpp$")
      set_source_files_properties(${_source} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
    endif()
  endforeach()
  set_target_properties(${_obj} PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${_obj} PUBLIC cadre_sdk ${P_LIBRARIES})
  target_compile_definitions(${_obj} PRIVATE
    CADRE_PLUGIN_NAME="${P_NAME}" CADRE_PLUGIN_VERSION="${P_VERSION}"
    CADRE_PLUGIN_COMPAT="${P_COMPAT}" CADRE_PLUGIN_DEPENDS="${_deps}")
  if(P_ABI_TAG)
    target_compile_definitions(${_obj} PRIVATE CADRE_PLUGIN_ABI_TAG="${P_ABI_TAG}")
  endif()
  target_include_directories(${_obj} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)

  add_library(cadre_${P_FILE_NAME} MODULE $<TARGET_OBJECTS:${_obj}>)
  target_link_libraries(cadre_${P_FILE_NAME} PRIVATE cadre_sdk ${P_LIBRARIES})
  set_target_properties(cadre_${P_FILE_NAME} PROPERTIES PREFIX "" OUTPUT_NAME ${P_FILE_NAME}
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIR})

  add_library(cadre_${P_FILE_NAME}_static STATIC $<TARGET_OBJECTS:${_obj}>)
  target_link_libraries(cadre_${P_FILE_NAME}_static PUBLIC cadre_sdk ${P_LIBRARIES})
  target_include_directories(cadre_${P_FILE_NAME}_static PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  if(EXISTS ${P_WEB_DIR})
    # Copied on every build (not only when the module relinks), so an edited page is served.
    file(GLOB_RECURSE _web_files CONFIGURE_DEPENDS ${P_WEB_DIR}/*)
    set(_stamp ${CMAKE_CURRENT_BINARY_DIR}/cadre_${P_FILE_NAME}_web.stamp)
    add_custom_command(OUTPUT ${_stamp}
      COMMAND ${CMAKE_COMMAND} -E copy_directory ${P_WEB_DIR} ${P_OUTPUT_DIR}/${P_NAME}/web
      COMMAND ${CMAKE_COMMAND} -E touch ${_stamp}
      DEPENDS ${_web_files})
    add_custom_target(cadre_${P_FILE_NAME}_web ALL DEPENDS ${_stamp})
    add_dependencies(cadre_${P_FILE_NAME} cadre_${P_FILE_NAME}_web)
  endif()
endfunction()
