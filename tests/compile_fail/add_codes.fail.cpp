// SPDX-License-Identifier: MIT
// Codes of a list are labels, not quantities.
#include "cchc/value.hpp"

int main() {
  cchc::CodeList list({{0, "Trực tuyến", ""}, {1, "Phát phiếu", ""}});
  cchc::Code a(0, list);
  cchc::Code b(1, list);
#ifdef CCHC_COMPILE_FAIL
  (void)(a + b);
#else
  (void)(a == b);
#endif
  return 0;
}
