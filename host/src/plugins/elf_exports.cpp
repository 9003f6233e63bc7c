#include "plugins/elf_exports.hpp"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace cadre::plugins {
namespace {

/// A read-only view of the file's bytes that refuses reads past its end.
class Bytes {
 public:
  explicit Bytes(std::string data) : data_(std::move(data)) {}
  template <typename T>
  T at(std::uint64_t offset) const {
    if (offset > data_.size() || sizeof(T) > data_.size() - offset) {
      throw std::runtime_error("truncated ELF file");
    }
    T value;
    std::memcpy(&value, data_.data() + offset, sizeof(T));
    return value;
  }
  std::string cString(std::uint64_t offset, std::uint64_t limit) const {
    if (offset >= limit || limit > data_.size()) throw std::runtime_error("bad ELF string offset");
    const char* start = data_.data() + offset;
    return std::string(start, strnlen(start, limit - offset));
  }
  std::size_t size() const { return data_.size(); }

 private:
  std::string data_;
};

Elf64_Ehdr readHeader(const Bytes& bytes) {
  if (bytes.size() < sizeof(Elf64_Ehdr)) throw std::runtime_error("not an ELF file");
  auto header = bytes.at<Elf64_Ehdr>(0);
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
    throw std::runtime_error("not an ELF file");
  if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB) {
    throw std::runtime_error("not a 64-bit little-endian ELF file");
  }
  if (header.e_type != ET_DYN) throw std::runtime_error("not a shared library");
  if (header.e_shentsize != sizeof(Elf64_Shdr))
    throw std::runtime_error("unexpected ELF section size");
  return header;
}

}  // namespace

std::vector<std::string> exportedSymbols(const std::string& file) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("cannot read the file");
  // One read of the whole file: a character-wise copy takes half a minute for a plugin built
  // with sanitizers at -O0 (tens of MB), on every start of the host.
  std::string content(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(content.data(), static_cast<std::streamsize>(content.size())))
    throw std::runtime_error("cannot read the file");
  Bytes bytes(std::move(content));
  Elf64_Ehdr header = readHeader(bytes);
  std::vector<std::string> names;
  for (std::uint16_t i = 0; i < header.e_shnum; ++i) {
    auto section = bytes.at<Elf64_Shdr>(header.e_shoff + std::uint64_t{i} * sizeof(Elf64_Shdr));
    if (section.sh_type != SHT_DYNSYM || section.sh_entsize != sizeof(Elf64_Sym)) continue;
    if (section.sh_link >= header.e_shnum) throw std::runtime_error("bad .dynsym string table");
    auto strings =
        bytes.at<Elf64_Shdr>(header.e_shoff + std::uint64_t{section.sh_link} * sizeof(Elf64_Shdr));
    std::uint64_t stringsEnd = strings.sh_offset + strings.sh_size;
    for (std::uint64_t s = 0; s < section.sh_size / sizeof(Elf64_Sym); ++s) {
      auto symbol = bytes.at<Elf64_Sym>(section.sh_offset + s * sizeof(Elf64_Sym));
      if (symbol.st_shndx == SHN_UNDEF || symbol.st_name == 0) continue;
      names.push_back(bytes.cString(strings.sh_offset + symbol.st_name, stringsEnd));
    }
  }
  return names;
}

}  // namespace cadre::plugins
