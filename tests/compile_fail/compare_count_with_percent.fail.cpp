// SPDX-License-Identifier: MIT
// A count and a percent cannot be compared without pct().
#include "cchc/value.hpp"

int main() {
  cchc::Count count{3};
  cchc::Percent percent = cchc::Percent::parse("10").value();
#ifdef CCHC_COMPILE_FAIL
  (void)(count < percent);
#else
  (void)(count < count);
  (void)(percent < percent);
#endif
  return 0;
}
