#pragma once

#include <string>
#include <vector>

namespace cadre::plugins {

/// The names of the symbols a 64-bit little-endian ELF shared library exports (its .dynsym,
/// defined symbols only), read from the file without loading it. Unlike .symtab, .dynsym survives
/// `strip`, so a packaged plugin is read the same as one from the build tree. Throws
/// std::runtime_error saying what is wrong for a file that is not such a library.
std::vector<std::string> exportedSymbols(const std::string& file);

}  // namespace cadre::plugins
