#pragma once
// Builds small zip archives for the reader tests (libzip's writing side).
#include <doctest/doctest.h>
#include <zip.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using Entries = std::vector<std::pair<std::string, std::string>>;

inline std::string make_zip(const Entries& entries) {
  const auto file = std::filesystem::temp_directory_path() / ("hyoka-zip-" + std::to_string(::getpid()) + ".zip");
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive);
  for (const auto& [name, bytes] : entries) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    REQUIRE(source);
    REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  std::ifstream in(file, std::ios::binary);
  std::string out{std::istreambuf_iterator<char>(in), {}};
  std::filesystem::remove(file);
  return out;
}

// The parts of a minimal workbook around one sheet's XML (and optional shared strings and styles).
inline Entries workbook_parts(const std::string& sheet_xml, const std::string& shared_strings = "", const std::string& styles = "") {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  Entries entries{
      {"_rels/.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", "<workbook " + ns + "><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"" + rel + "sharedStrings\" Target=\"sharedStrings.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"" + rel + "styles\" Target=\"/xl/styles.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + sheet_xml + "</sheetData></worksheet>"},
  };
  if (!shared_strings.empty()) entries.emplace_back("xl/sharedStrings.xml", shared_strings);
  if (!styles.empty()) entries.emplace_back("xl/styles.xml", styles);
  return entries;
}
