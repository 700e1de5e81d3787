// SPDX-License-Identifier: MIT
// A report builds a row's Value from its cell on each call and returns it by value: a pointer
// into a report's value would dangle, so taking one does not compile.
#include "cchc/report.hpp"

int main() {
  const cchc::Report report(cchc::builtin_catalog());
  const cchc::RowId row{0};
#ifdef CCHC_COMPILE_FAIL
  const cchc::Value* value = &report.value(row);
#else
  const cchc::Value kept = report.value(row);
  const cchc::Value* value = &kept;
#endif
  (void)value;
  return 0;
}
