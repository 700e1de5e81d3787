// SPDX-License-Identifier: MIT
// The one place where cchc reads and writes files.
#include "cchc/io.hpp"

#include <fstream>
#include <vector>

#include <fmt/format.h>

namespace cchc {

result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(errc::io_error, "không mở được tệp", "cannot open the file", path.string());
  std::string data;
  // On the heap: a host's worker thread may have a 64 KiB stack in all (issue 18).
  std::vector<char> chunk(std::size_t{1} << 16);
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n > max_bytes - data.size())
      return make_error(errc::limit_exceeded,
                        fmt::format("tệp quá lớn (hơn {} byte)", max_bytes),
                        fmt::format("file too large (more than {} bytes)", max_bytes),
                        path.string());
    data.append(chunk.data(), n);
  }
  if (in.bad())
    return make_error(errc::io_error, "không đọc được tệp", "cannot read the file",
                      path.string());
  return data;
}

result<void> write_file(const std::filesystem::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    return make_error(errc::io_error, "không ghi được tệp", "cannot write the file",
                      path.string());
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out)
    return make_error(errc::io_error, "không ghi được tệp", "cannot write the file",
                      path.string());
  return {};
}


result<std::string> read_head(const std::filesystem::path& path, std::size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(errc::io_error, "không mở được tệp", "cannot open the file", path.string());
  std::string data(bytes, '\0');
  in.read(data.data(), static_cast<std::streamsize>(bytes));
  if (in.bad())
    return make_error(errc::io_error, "không đọc được tệp", "cannot read the file", path.string());
  data.resize(static_cast<std::size_t>(in.gcount()));
  return data;
}

}  // namespace cchc
