// SPDX-License-Identifier: MIT
#include "in/office/package.hpp"

#include <vector>

#include <fmt/format.h>
#include <zip.h>

#include "cchc/unicode.hpp"

namespace cchc::detail::office {

struct Package::Zip {
  zip_t* archive = nullptr;
  ~Zip() {
    if (archive) zip_discard(archive);
  }
};

namespace {

error damaged(std::string_view why) {
  return make_error(errc::parse_error, fmt::format("tệp Office hỏng (không đọc được tệp nén): {}", why),
                    fmt::format("a damaged Office file (not a readable zip): {}", why));
}

}  // namespace

result<Package> Package::open(std::string_view bytes, const TextLimits& limits) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) return damaged(zip_error_strerror(&err));
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (archive == nullptr) {
    zip_source_free(src);
    const std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    return damaged(why);
  }
  Package p;
  p.zip_ = std::make_shared<Zip>();
  p.zip_->archive = archive;
  p.limits_ = limits;
  return p;
}

bool Package::has(const std::string& part) const {
  return zip_name_locate(zip_->archive, part.c_str(), 0) >= 0;
}

result<std::string> Package::read(const std::string& part) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_->archive, part.c_str(), 0, &st) < 0)
    return make_error(errc::not_found, "tệp Office thiếu phần này", "the Office file lacks this part", part);
  // The sizes a zip declares can lie: what is read is counted too, and stops at the limit.
  const std::size_t limit = limits_.max_bytes;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > limit)
    return make_error(errc::limit_exceeded,
                      fmt::format("phần quá lớn khi giải nén ({} byte, tối đa {})", st.size, limit),
                      fmt::format("part too large uncompressed ({} bytes, at most {})", st.size, limit), part);
  zip_file_t* f = zip_fopen(zip_->archive, part.c_str(), 0);
  if (f == nullptr) return damaged(fmt::format("{}: {}", part, zip_strerror(zip_->archive)));
  std::string out;
  std::vector<char> block(64 * 1024);
  while (true) {
    const zip_int64_t got = zip_fread(f, block.data(), block.size());
    if (got < 0) {
      const std::string why = zip_file_strerror(f);
      zip_fclose(f);
      return damaged(fmt::format("{}: {}", part, why));
    }
    if (got == 0) break;
    out.append(block.data(), static_cast<std::size_t>(got));
    read_total_ += static_cast<std::size_t>(got);
    if (out.size() > limit || read_total_ > 4 * limit) {
      zip_fclose(f);
      return make_error(errc::limit_exceeded,
                        fmt::format("tệp Office giải nén quá lớn (tối đa {} byte một phần)", limit),
                        fmt::format("the Office file unpacks too large (at most {} bytes a part)", limit), part);
    }
  }
  zip_fclose(f);
  return out;
}

result<std::shared_ptr<pugi::xml_document>> Package::xml(const std::string& part) const {
  auto bytes = read(part);
  if (!bytes) return bytes.error();
  // Every text a reader takes is UTF-8 in NFC, as the text reader's is; the markup is ASCII, so
  // the part is checked and normalised whole (pugixml checks neither).
  if (!is_valid_utf8(*bytes))
    return make_error(errc::invalid_utf8, "phần này không phải UTF-8 hợp lệ", "the part is not valid UTF-8", part);
  auto nfc = normalize_nfc(*bytes);
  if (!nfc) return std::move(nfc.error()).within(part);
  auto doc = std::make_shared<pugi::xml_document>();
  const pugi::xml_parse_result parsed =
      doc->load_buffer(nfc->data(), nfc->size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed)
    return make_error(errc::parse_error,
                      fmt::format("XML hỏng ở byte {}: {}", parsed.offset, parsed.description()),
                      fmt::format("malformed XML at byte {}: {}", parsed.offset, parsed.description()), part);
  return doc;
}

std::string text_of(pugi::xml_node node) {
  std::string out;
  std::vector<pugi::xml_node> stack{node};
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    const std::string_view name = n.name();
    if (name == "w:t" || name == "t") {
      out += n.text().get();
      continue;
    }
    if (name == "w:br" || name == "w:cr") out += '\n';
    else if (name == "w:tab") out += '\t';
    else if (name == "rPh") continue;  // Excel's phonetic guide is not the text
    if (name == "w:p" && n != node && !out.empty() && out.back() != '\n') out += '\n';
    // Children in document order: pushed last to first.
    std::vector<pugi::xml_node> children;
    for (pugi::xml_node c : n.children()) children.push_back(c);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

std::string resolve(std::string_view base, std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  std::string out(base);
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    if (!out.empty()) out.pop_back();
    const auto slash = out.rfind('/');
    out = slash == std::string::npos ? "" : out.substr(0, slash + 1);
  }
  return out + std::string(target);
}

}  // namespace cchc::detail::office
