// SPDX-License-Identifier: MIT
// The C API as a foreign caller drives it: functions called in fuzzer-chosen orders with
// fuzzer-chosen arguments (NULL handles, freed-and-reused slots, any text, any integers, any
// buffer sizes, limits set and reset, callbacks that add findings or fail). The only promise
// checked besides "no crash, no leak, no sanitizer report" is the contract of cchc.h: a status,
// and a message whenever the status is an error.
#include <cchc/cchc.h>

#include <array>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using cchc::fuzz::Input;

struct Slots {
  std::array<cchc_catalog*, 2> catalogs{};
  std::array<cchc_report*, 3> reports{};
  std::array<cchc_ruleset*, 2> rulesets{};
  std::array<cchc_findings*, 2> findings{};
  ~Slots() {
    for (auto* p : findings) cchc_findings_free(p);
    for (auto* p : rulesets) cchc_ruleset_free(p);
    for (auto* p : reports) cchc_report_free(p);
    for (auto* p : catalogs) cchc_catalog_free(p);
  }
};

const std::vector<std::string>& known_addresses() {
  static const std::vector<std::string> addresses = [] {
    std::vector<std::string> out;
    cchc_catalog* c = nullptr;
    if (cchc_catalog_builtin(&c) != CCHC_OK) return out;
    std::size_t n = 0;
    (void)cchc_catalog_row_count(&n, c);
    for (std::size_t i = 0; i < n; ++i) {
      cchc_row_info info = CCHC_ROW_INFO_INIT;
      if (cchc_catalog_row(&info, c, i) == CCHC_OK) out.emplace_back(info.address);
    }
    cchc_catalog_free(c);
    return out;
  }();
  return addresses;
}

// A row address: usually a real one, sometimes any text (NUL-terminated, as the API wants).
std::string address(Input& in) {
  const auto& known = known_addresses();
  if (!known.empty() && in.pick(4) != 0) return known[in.pick(known.size())];
  return std::string(in.text(16));
}

void expect_message(int32_t rc) {
  if (rc != CCHC_OK && cchc_last_error()[0] == '\0') cchc::fuzz::broken("an error without a message");
  if (cchc_errstr(rc) == nullptr) cchc::fuzz::broken("cchc_errstr returned NULL");
}

// Text outputs with a fuzzer-chosen buffer: none (measure), tiny, or large.
template <class F>
void text_out(Input& in, F&& call) {
  static char buf[4096];
  const std::size_t sizes[] = {0, 1, 7, sizeof buf};
  const std::size_t size = sizes[in.pick(4)];
  std::size_t length = 0;
  const int32_t rc = call(size ? buf : nullptr, size, &length);
  expect_message(rc);
  if (size > 0 && (rc == CCHC_OK || rc == CCHC_EBUFFER) && buf[std::min(length, size - 1)] != '\0')
    cchc::fuzz::broken("a text output is not NUL-terminated");
}

struct CallbackData {
  Input* in;
};

int32_t fuzz_rule(void* user, const cchc_report* report, cchc_finding_sink* sink) {
  auto& in = *static_cast<CallbackData*>(user)->in;
  const std::string a = address(in);
  int64_t n = 0;
  expect_message(cchc_report_get_count(&n, report, a.c_str()));
  const char* rows[] = {a.c_str()};
  const std::string vi(in.text(40)), en(in.text(40));
  expect_message(cchc_sink_add(in.flag() ? sink : nullptr, vi.c_str(), en.c_str(), rows,
                               in.pick(2)));
  return in.pick(8) == 0 ? -1 : 0;
}

void step(Input& in, Slots& s, CallbackData& cb) {
  auto& cat = s.catalogs[in.pick(s.catalogs.size())];
  auto& rep = s.reports[in.pick(s.reports.size())];
  auto& rs = s.rulesets[in.pick(s.rulesets.size())];
  auto& fs = s.findings[in.pick(s.findings.size())];
  int32_t rc = CCHC_OK;
  // Each "new" frees what the slot held, as a careful caller would.
  auto renew = [](auto*& slot, auto free_fn) { free_fn(slot), slot = nullptr; };

  switch (in.pick(30)) {
    case 0: renew(cat, cchc_catalog_free), rc = cchc_catalog_builtin(&cat); break;
    case 1: {
      const auto json = in.text();
      renew(cat, cchc_catalog_free);
      rc = cchc_catalog_from_json(&cat, json.data(), json.size());
      break;
    }
    case 2: renew(cat, cchc_catalog_free); break;
    case 3: renew(rep, cchc_report_free), rc = cchc_report_new(&rep, cat); break;
    case 4: {
      const auto json = in.text();
      renew(rep, cchc_report_free);
      rc = cchc_report_from_json(&rep, cat, json.data(), json.size());
      break;
    }
    case 5: renew(rep, cchc_report_free); break;
    case 6: {
      auto& into = s.reports[in.pick(s.reports.size())];
      cchc_report* copy = nullptr;
      rc = cchc_report_clone(&copy, rep);
      if (rc == CCHC_OK) renew(into, cchc_report_free), into = copy;  // into may be rep: copied
      break;
    }
    case 7:
      text_out(in, [&](char* b, std::size_t n, std::size_t* len) {
        return cchc_report_to_json(b, n, len, rep);
      });
      break;
    case 8: {
      const std::string a = address(in);
      const auto v = in.text(24);
      rc = cchc_report_set_text(rep, a.c_str(), v.data(), v.size());
      break;
    }
    case 9: {
      const std::string a = address(in);
      text_out(in, [&](char* b, std::size_t n, std::size_t* len) {
        return cchc_report_get_text(b, n, len, rep, a.c_str());
      });
      break;
    }
    case 10: {
      const std::string a = address(in);
      const int64_t x = in.int64(), y = in.int64();
      switch (in.pick(5)) {
        case 0: rc = cchc_report_set_count(rep, a.c_str(), x); break;
        case 1: rc = cchc_report_set_percent(rep, a.c_str(), x, static_cast<int32_t>(y % 16)); break;
        case 2: rc = cchc_report_set_code(rep, a.c_str(), x); break;
        case 3: rc = cchc_report_set_pair(rep, a.c_str(), x, y); break;
        default: rc = cchc_report_set_money(rep, a.c_str(), x); break;
      }
      break;
    }
    case 11: {
      const std::string a = address(in);
      int64_t x = 0, y = 0;
      int32_t k = 0, b = 0;
      switch (in.pick(7)) {
        case 0: rc = cchc_report_get_count(&x, rep, a.c_str()); break;
        case 1: rc = cchc_report_get_percent(&x, &k, rep, a.c_str()); break;
        case 2: rc = cchc_report_get_code(&x, rep, a.c_str()); break;
        case 3: rc = cchc_report_get_pair(&x, &y, rep, a.c_str()); break;
        case 4: rc = cchc_report_get_money(&x, rep, a.c_str()); break;
        case 5: rc = cchc_report_value_kind(&k, &b, rep, a.c_str()); break;
        default: rc = cchc_report_value_ok(&k, rep, a.c_str()); break;
      }
      break;
    }
    case 12: {
      const std::string a = address(in);
      rc = cchc_report_clear(rep, a.c_str(), static_cast<int32_t>(in.byte()) - 2);
      break;
    }
    case 13: renew(rs, cchc_ruleset_free), rc = cchc_ruleset_new(&rs, cat); break;
    case 14: renew(rs, cchc_ruleset_free), rc = cchc_ruleset_builtin(&rs, cat); break;
    case 15: {
      const std::string src(in.text());
      uint32_t line = 0, column = 0;
      rc = cchc_ruleset_add_source(rs, src.data(), src.size(), in.flag() ? "fuzz.rules" : nullptr,
                                   in.flag() ? &line : nullptr, &column);
      break;
    }
    case 16: {
      const std::string id(in.text(8));
      rc = cchc_ruleset_add_callback(rs, id.c_str(), static_cast<int32_t>(in.pick(4)) - 1,
                                     in.flag() ? fuzz_rule : nullptr, &cb);
      break;
    }
    case 17: renew(fs, cchc_findings_free), rc = cchc_ruleset_check(&fs, rs, rep); break;
    case 18: {
      cchc_finding_info info = CCHC_FINDING_INFO_INIT;
      if (in.flag()) info.version = in.byte();
      rc = cchc_findings_get(&info, fs, in.pick(16));
      break;
    }
    case 19: {
      const char* a = nullptr;
      const char* v = nullptr;
      int32_t blank = 0;
      rc = cchc_findings_row(&a, &v, &blank, fs, in.pick(16), in.pick(4));
      break;
    }
    case 20:
      text_out(in, [&](char* b, std::size_t n, std::size_t* len) {
        return in.flag() ? cchc_findings_to_json(b, n, len, fs)
                         : cchc_findings_to_text(b, n, len, fs, static_cast<int32_t>(in.pick(3)));
      });
      break;
    case 21: {
      std::size_t e = 0, w = 0, i = 0;
      rc = in.flag() ? cchc_findings_summary(&e, &w, &i, fs) : cchc_findings_count(&e, fs);
      break;
    }
    case 22: {
      cchc_report* derived = nullptr;
      std::size_t count = 0;
      rc = cchc_report_derive(&derived, &count, rep);
      cchc_report_free(derived);
      break;
    }
    case 23: {
      const auto text = in.text();
      cchc_report* r = nullptr;
      cchc_findings* f = nullptr;
      rc = cchc_report_import_text(&r, in.flag() ? &f : nullptr, cat, text.data(), text.size());
      cchc_report_free(r);
      cchc_findings_free(f);
      break;
    }
    case 24: {
      const std::string field(in.text(16));
      const auto value = in.text(32);
      if (in.flag()) {
        rc = cchc_report_set_meta(rep, field.c_str(), value.data(), value.size());
      } else {
        text_out(in, [&](char* b, std::size_t n, std::size_t* len) {
          return cchc_report_get_meta(b, n, len, rep, field.c_str());
        });
      }
      break;
    }
    case 25: {
      const std::size_t i = in.pick(160), j = in.pick(8);
      cchc_row_info row = CCHC_ROW_INFO_INIT;
      cchc_form_info form = CCHC_FORM_INFO_INIT;
      int64_t value = 0;
      const char *label = nullptr, *label_en = nullptr;
      switch (in.pick(4)) {
        case 0: rc = cchc_catalog_row(&row, cat, i); break;
        case 1: rc = cchc_catalog_form(&form, cat, j); break;
        case 2: rc = cchc_catalog_row_code(&value, &label, &label_en, cat, i, j); break;
        default: {
          const std::string a = address(in);
          std::size_t index = 0;
          rc = cchc_catalog_find_row(&index, cat, a.data(), in.flag() ? CCHC_NTS : a.size());
        }
      }
      break;
    }
    case 26: {
      cchc_limits l = CCHC_LIMITS_INIT;
      (void)cchc_limits_default(&l);
      switch (in.pick(4)) {
        case 0: l.json_max_depth = in.byte(); break;
        case 1: l.rules_max_depth = in.byte() * 8; break;
        case 2: l.text_max_line_bytes = in.byte() * 16; break;
        default: l.rules_max_nodes = in.byte(); break;
      }
      rc = cchc_limits_set(&l);
      break;
    }
    case 27: {
      cchc_limits l = CCHC_LIMITS_INIT;
      rc = in.flag() ? cchc_limits_default(&l) : cchc_limits_set(&l);  // zeros: refused
      break;
    }
    case 28: {
      const char* id = nullptr;
      const char* version = nullptr;
      std::size_t n = 0;
      rc = in.flag() ? cchc_catalog_id(&id, &version, cat) : cchc_ruleset_size(&n, rs);
      break;
    }
    default: {
      // NULL out-parameters and NULL handles everywhere they are refused.
      rc = cchc_report_new(nullptr, cat);
      expect_message(rc);
      rc = cchc_ruleset_check(nullptr, rs, rep);
      break;
    }
  }
  expect_message(rc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Input in(data, size);
  CallbackData cb{&in};
  {
    Slots slots;
    for (int steps = 0; !in.empty() && steps < 64; ++steps) step(in, slots, cb);
  }
  cchc_limits defaults = CCHC_LIMITS_INIT;
  if (cchc_limits_default(&defaults) != CCHC_OK || cchc_limits_set(&defaults) != CCHC_OK)
    cchc::fuzz::broken("the default limits cannot be restored");
  return 0;
}
