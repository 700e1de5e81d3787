// SPDX-License-Identifier: MIT
// A double is never a count: 2.9999 would silently become 2.
#include "cchc/value.hpp"

int main() {

#ifdef CCHC_COMPILE_FAIL
  cchc::Count c(2.9999);
  (void)c;
#else
  cchc::Count c(std::int64_t{3});
  (void)c;
#endif
  return 0;
}
