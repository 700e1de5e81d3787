// SPDX-License-Identifier: MIT
// Đồng and people do not add.
#include "cchc/value.hpp"

int main() {
  cchc::Money money{85000000};
  cchc::Count count{8};
#ifdef CCHC_COMPILE_FAIL
  (void)(money + count);
#else
  (void)(money + money);
  (void)(count + count);
#endif
  return 0;
}
