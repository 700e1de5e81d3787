// SPDX-License-Identifier: MIT
#include <algorithm>
#include <array>
#include <exception>
#include <thread>

#include <fmt/format.h>
#include <gsl/assert>

#include "util/enum_names.hpp"
#include "cchc/rules.hpp"
#include "cchc/templates.hpp"
#include "templates/embedded.hpp"
#include "check/stages.hpp"
#include "rules/fixes.hpp"
#include "rule_set_impl.hpp"
#include "compiler.hpp"
#include "evaluate.hpp"
#include "util/strings.hpp"

namespace cchc {

namespace {

constexpr detail::NameTable<MissingPolicy, 3> missing_names{{
    {MissingPolicy::skip_any, "skip_any"},
    {MissingPolicy::skip_all, "skip_all"},
    {MissingPolicy::zero, "zero"},
}};

using rules::CompiledRule;
using rules::Evaluation;
using rules::Op;
using rules::Tri;

std::string_view symbol(Op op) {
  switch (op) {
    case Op::eq: return "=";
    case Op::ne: return "≠";
    case Op::lt: return "<";
    case Op::le: return "≤";
    case Op::gt: return ">";
    case Op::ge: return "≥";
    default: return "";
  }
}

Op mirror(Op op) {
  switch (op) {
    case Op::lt: return Op::gt;
    case Op::le: return Op::ge;
    case Op::gt: return Op::lt;
    case Op::ge: return Op::le;
    default: return op;
  }
}

// The row an operand stands for: a row, or a half of a pair row.
bool is_row_operand(const CompiledRule& r, std::uint32_t i) {
  const auto& n = r.nodes[i];
  return n.op == Op::row || ((n.op == Op::first || n.op == Op::second) &&
                             r.nodes[n.args[0]].op == Op::row);
}

// The part of a failed check that failed: through "if … then", and the first false conjunct.
template <class E>
std::uint32_t culprit(const CompiledRule& r, const E& e, std::uint32_t i) {
  const auto& n = r.nodes[i];
  if (n.op == Op::implies) return culprit(r, e, n.args[1]);
  if (n.op == Op::and_) {
    for (auto a : n.args)
      if (e.value(a).truth == Tri::no) return culprit(r, e, a);
  }
  return i;
}

template <class E>
std::string expand(const std::vector<rules::MessagePart>& parts, const CompiledRule& r, E& e,
                   const Report& report, const Report* earlier, Language lang) {
  std::string out;
  auto as_written = [&](const Value& v) {
    out += is_absent(v) ? (lang == Language::vi ? "(trống)" : "(blank)") : text_of(v);
  };
  for (const auto& p : parts) {
    if (p.previous_period) {
      if (earlier != nullptr && earlier->metadata().period)
        out += lang == Language::vi ? label_vi(*earlier->metadata().period)
                                    : label_en(*earlier->metadata().period);
      continue;
    }
    if (!p.expr) {
      out += p.text;
      continue;
    }
    const auto& n = r.nodes[*p.expr];
    if (n.op == Op::row) {
      as_written(report.value(n.row));
    } else if (n.op == Op::prev && earlier != nullptr) {
      as_written(earlier->value(n.row));
    } else {
      out += rules::format_val(e.eval(*p.expr), n.type);
    }
  }
  return out;
}

template <class E>
void explain(const CompiledRule& r, E& e, const Report& report, Finding& f) {
  const std::uint32_t c = culprit(r, e, r.check);
  const auto& n = r.nodes[c];
  const Catalog& cat = report.catalog();
  if (n.op == Op::eq || n.op == Op::ne || n.op == Op::lt || n.op == Op::le || n.op == Op::gt ||
      n.op == Op::ge) {
    std::uint32_t row_side = n.args[0], other = n.args[1];
    Op op = n.op;
    if (!is_row_operand(r, row_side) && is_row_operand(r, other)) {
      std::swap(row_side, other);
      op = mirror(op);
    }
    const auto& value = e.value(other);
    // Against a rounded value, the bound that would satisfy the check: "≥ 199" for parts
    // written "100" + "100", "∈ [33,25; 33,35)" for an equation.
    if (!value.has_value()) f.expected = fmt::format("{} —", symbol(op));
    else if (value.num.exact()) f.expected = fmt::format("{} {}", symbol(op), rules::format_interval(value.num));
    else if (op == Op::ge || op == Op::gt) f.expected = fmt::format("{} {}", symbol(op), rules::format_bound(value.num.lo));
    else if (op == Op::le || op == Op::lt) f.expected = fmt::format("{} {}", symbol(op), rules::format_bound(value.num.hi));
    else f.expected = fmt::format("{} {}", op == Op::eq ? "∈" : symbol(op), rules::format_interval(value.num));
    // A value that makes the equation hold, for the one row it names.
    const auto& rs = r.nodes[row_side];
    if (op == Op::eq && rs.op == Op::row && !is_row_operand(r, other)) {
      const Row& row = cat.row(rs.row);
      if (auto text = rules::format_for_row(value, row.kind, report.value(rs.row)))
        f.fix = Fix{rs.row, row.address(), *text};
    }
  } else if (n.op == Op::in_set) {
    std::string set;
    for (auto v : n.set) detail::join_into(set, ", ", std::to_string(v));
    f.expected = fmt::format("∈ {{{}}}", set);
  } else if (n.op == Op::present) {
    f.expected = "≠ (trống / blank)";
  } else if (n.op == Op::absent) {
    f.expected = "(trống / blank)";
  }
  if (r.fix_row && r.fix_expr) {
    const Row& row = cat.row(*r.fix_row);
    if (auto text = rules::format_for_row(e.eval(*r.fix_expr), row.kind, report.value(*r.fix_row)))
      f.fix = Fix{*r.fix_row, row.address(), *text};
  }
}

// The finding of a rule whose check evaluated to "no" in `e`.
template <class E>
Finding finding(const CompiledRule& r, E& e, const Report& report, const Report* earlier) {
  Finding f;
  f.rule_id = r.id;
  f.severity = r.severity;
  std::vector<RowId> rows = r.rows;
  std::sort(rows.begin(), rows.end());  // catalogue order, however the check was written
  for (RowId row : rows) {
    f.rows.push_back(FindingRow::of(report, row));
    if (f.line == 0) f.line = report.source_line(row).value_or(0);
  }
  if (earlier != nullptr) {
    // The earlier report's rows follow, marked with its period.
    rows = r.prev_rows;
    std::sort(rows.begin(), rows.end());
    for (RowId row : rows) {
      f.rows.push_back(FindingRow::of(*earlier, row));
      f.rows.back().period = earlier->metadata().period;
    }
  }
  f.message_vi = expand(r.vi, r, e, report, earlier, Language::vi);
  f.message_en = expand(r.en, r, e, report, earlier, Language::en);
  explain(r, e, report, f);
  return f;
}

// Runs one compiled rule; appends a finding when its check is definitely false. Rules are
// answered, and failures explained, with 64-bit fractions in a scratch buffer reused from rule
// to rule, so a rule that holds allocates nothing. Only a figure that outgrows 64 bits takes the
// exact cpp_rational evaluator; the answer is the same either way.
// The rule's missing-value policy on `report`: nullopt when the rule is skipped, else whether
// blanks count as zero.
// A rule that reads prev() runs only against an earlier report.
std::optional<bool> blanks_as_zero(const CompiledRule& r, const Report& report,
                                   const Report* earlier = nullptr) {
  if (r.history.has_value() != (earlier != nullptr)) return std::nullopt;
  if (r.missing == MissingPolicy::zero) return true;
  std::size_t blank = 0;
  for (RowId row : r.policy_rows) blank += report.blank(row) ? 1u : 0u;
  if (earlier != nullptr)
    for (RowId row : r.policy_prev_rows) blank += earlier->blank(row) ? 1u : 0u;
  if (r.missing == MissingPolicy::skip_any) {
    if (blank > 0) return std::nullopt;
    return false;
  }
  const std::size_t read = r.policy_rows.size() + (earlier ? r.policy_prev_rows.size() : 0);
  if (read == 0) return false;  // skip_all with nothing to skip on
  if (blank == read) return std::nullopt;
  return true;
}

void run(const CompiledRule& r, const Report& report, std::vector<Finding>& out,
         std::vector<rules::BasicVal<rules::Fraction>>& scratch, const Report* earlier = nullptr) {
  const auto policy = blanks_as_zero(r, report, earlier);
  if (!policy) return;
  const bool zero = *policy;
  if (const auto fast = rules::fast_check(r, report, zero, scratch, earlier)) {
    if (*fast != Tri::no) return;
    try {
      rules::BasicEvaluation<rules::Fraction> e(r, report, zero, scratch.data(), earlier);
      e.run(r.check_first, r.check);
      out.push_back(finding(r, e, report, earlier));
      return;
    } catch (const rules::Fraction::Overflow&) {
      // a message or fix figure outgrew 64 bits: explain exactly below
    }
  }
  Evaluation e(r, report, zero, earlier);
  if (e.eval(r.check).truth != Tri::no) return;
  out.push_back(finding(r, e, report, earlier));
}

// A C++ rule that throws becomes an error finding: visible, and never a crash of the host.
Finding failed_rule(const CustomRule& r, std::string_view what) {
  Finding f;
  f.rule_id = r.id;
  f.severity = Severity::error;
  f.message_vi = fmt::format("luật {} gặp lỗi khi chạy: {}", r.id, what);
  f.message_en = fmt::format("rule {} failed: {}", r.id, what);
  return f;
}

}  // namespace

std::string_view to_string(MissingPolicy p) noexcept { return detail::name_of(missing_names, p); }
std::optional<MissingPolicy> missing_policy_from_string(std::string_view s) noexcept {
  return detail::value_of(missing_names, s);
}

FindingRow ReportView::row(std::string_view address) const {
  return FindingRow::of(*report_, catalog().lookup(address).value());
}

RuleSet::RuleSet(std::shared_ptr<const Catalog> catalog)
    : catalog_(std::move(catalog)), impl_(std::make_unique<Impl>()) {
  Expects(catalog_ != nullptr);
}
RuleSet::RuleSet(const RuleSet& o) : catalog_(o.catalog_), impl_(std::make_unique<Impl>(*o.impl_)) {}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(const RuleSet& o) {
  if (this != &o) {
    catalog_ = o.catalog_;
    impl_ = std::make_unique<Impl>(*o.impl_);
  }
  return *this;
}
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

result<RuleSet> RuleSet::compile(std::string_view source, std::shared_ptr<const Catalog> catalog,
                                 std::string_view source_name, RuleLimits limits) {
  if (!catalog) return make_error(errc::invalid_argument, "thiếu danh mục", "no catalogue given");
  RuleSet set(std::move(catalog));
  if (auto r = set.add_source(source, source_name, limits); !r) return r.error();
  return set;
}

result<void> RuleSet::add_source(std::string_view source, std::string_view source_name,
                                 RuleLimits limits) {
  auto compiled = rules::compile(source, *catalog_, source_name, limits);
  if (!compiled) return compiled.error();
  for (const auto& r : *compiled)
    if (impl_->has_id(r.id))
      return make_error(errc::invalid_argument, fmt::format("luật \"{}\" đã có trong bộ luật", r.id),
                        fmt::format("rule \"{}\" is already in the set", r.id), r.origin);
  for (auto& r : *compiled) impl_->compiled.push_back(std::make_shared<const CompiledRule>(std::move(r)));
  return {};
}

result<void> RuleSet::add_custom(CustomRule rule) {
  if (rule.id.empty() || !rule.check)
    return make_error(errc::invalid_argument, "luật C++ cần mã và hàm kiểm tra",
                      "a C++ rule needs an id and a callable");
  if (impl_->has_id(rule.id))
    return make_error(errc::invalid_argument, fmt::format("luật \"{}\" đã có trong bộ luật", rule.id),
                      fmt::format("rule \"{}\" is already in the set", rule.id));
  impl_->custom.push_back(std::make_shared<const CustomRule>(std::move(rule)));
  return {};
}

std::size_t RuleSet::size() const noexcept { return impl_->compiled.size() + impl_->custom.size(); }

std::vector<RuleInfo> RuleSet::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : impl_->compiled)
    out.push_back({r->id, r->severity, r->missing, r->message_vi, r->message_en, r->origin, r->rows});
  for (const auto& r : impl_->custom)
    out.push_back({r->id, r->severity, MissingPolicy::skip_any, r->description, r->description, "C++", {}});
  return out;
}

namespace detail {

bool same_catalog(const Catalog& a, const Catalog& b) noexcept {
  return &a == &b || (a.id() == b.id() && a.version() == b.version() && a.size() == b.size());
}

error catalog_mismatch(const Catalog& report, const Catalog& rules) {
  return make_error(errc::invalid_argument,
                    fmt::format("báo cáo theo danh mục {} {}, bộ luật theo {} {}", report.id(),
                                report.version(), rules.id(), rules.version()),
                    fmt::format("the report follows catalogue {} {}, the rules {} {}",
                                report.id(), report.version(), rules.id(), rules.version()));
}

void run_custom_rule(const CustomRule& r, const ReportView& view, std::vector<Finding>& out) {
  std::vector<Finding> found;
  try {
    found = r.check(view);
  } catch (const exception& ex) {
    if (ex.code() == errc::callback_failed) throw;  // the rule asks to stop the whole check
    out.push_back(failed_rule(r, ex.what()));
    return;
  } catch (const std::exception& ex) {
    out.push_back(failed_rule(r, ex.what()));
    return;
  } catch (...) {
    out.push_back(failed_rule(r, "?"));
    return;
  }
  for (auto& f : found) {
    f.rule_id = r.id;
    f.severity = r.severity;
    out.push_back(std::move(f));
  }
}

std::optional<bool> rule_fails(const CompiledRule& r, const Report& report) {
  const auto policy = blanks_as_zero(r, report);
  if (!policy) return std::nullopt;
  std::vector<rules::BasicVal<rules::Fraction>> scratch;
  if (const auto fast = rules::fast_check(r, report, *policy, scratch)) return *fast == Tri::no;
  return Evaluation(r, report, *policy).eval(r.check).truth == Tri::no;
}

Finding rule_finding(const CompiledRule& r, const Report& report) {
  std::vector<Finding> out;
  std::vector<rules::BasicVal<rules::Fraction>> scratch;
  run(r, report, out, scratch);
  Expects(out.size() == 1);
  return std::move(out.front());
}

result<void> append_rule_findings(const RuleSet& rules, const Report& report,
                                  std::vector<Finding>& out, const History* history) {
  if (!same_catalog(report.catalog(), rules.catalog()))
    return catalog_mismatch(report.catalog(), rules.catalog());
  std::vector<rules::BasicVal<rules::Fraction>> scratch;
  std::array<std::optional<std::vector<const Report*>>, 3> selected;  // by HistoryScope, once
  for (const auto& r : detail::RuleSetAccess::impl(rules).compiled) {
    if (!r->history) {
      run(*r, report, out, scratch);
    } else if (history != nullptr) {
      auto& earlier = selected[static_cast<std::size_t>(*r->history)];
      if (!earlier) earlier = history->select(report, *r->history);
      for (const Report* e : *earlier) run(*r, report, out, scratch, e);
    }
  }
  const ReportView view(report);
  for (const auto& r : detail::RuleSetAccess::impl(rules).custom) run_custom_rule(*r, view, out);
  return {};
}

std::vector<ExactFix> failing_fixes(const RuleSet& rules, const Report& report,
                                    std::string_view id_prefix) {
  std::vector<ExactFix> out;
  for (const auto& r : detail::RuleSetAccess::impl(rules).compiled) {
    if (!r->fix_row || !r->fix_expr || r->history || !r->id.starts_with(id_prefix)) continue;
    // The rule's own policy and rounding decide; derive is not a hot path, so exactly.
    const auto zero = blanks_as_zero(*r, report);
    if (!zero) continue;
    Evaluation e(*r, report, *zero);
    if (e.eval(r->check).truth != Tri::no) continue;
    const auto& v = e.eval(*r->fix_expr);
    if (!v.has_value() || !v.num.exact()) continue;
    std::vector<RowId> from;
    for (RowId row : r->rows)
      if (row != *r->fix_row) from.push_back(row);
    out.push_back({r->id, *r->fix_row, v.num.lo, std::move(from)});
  }
  return out;
}

}  // namespace detail

result<std::vector<Finding>> RuleSet::check(const Report& report) const {
  const detail::RuleCheckView self(*this);
  const Check* checks[] = {&self};
  return detail::run_checks(checks, report, {});
}

result<std::vector<Finding>> RuleSet::check(const Report& report, const History& history) const {
  const detail::RuleCheckView self(*this);
  const Check* checks[] = {&self};
  return detail::run_checks(checks, report, {nullptr, &history});
}

result<std::vector<std::vector<Finding>>> RuleSet::check_all(std::span<const Report> reports,
                                                             unsigned threads) const {
  for (const Report& r : reports)
    if (!detail::same_catalog(r.catalog(), *catalog_)) return check(r).error();
  std::vector<std::vector<Finding>> out(reports.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, reports.size())));
  // Contiguous slices, one per thread: check() only reads the set, and each slot of `out` is
  // written by one thread.
  const std::size_t per = (reports.size() + threads - 1) / threads;
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      const std::size_t begin = t * per, end = std::min(reports.size(), begin + per);
      if (begin >= end) break;
      pool.emplace_back([this, &reports, &out, begin, end] {
        for (std::size_t i = begin; i < end; ++i) out[i] = *check(reports[i]);
      });
    }
  }
  return out;
}

RuleSet RuleSet::structural(std::shared_ptr<const Catalog> catalog) {
  RuleSet set(catalog);
  // Generated from a validated catalogue; failing to compile it is a bug in cchc.
  if (auto r = set.add_source(structural_rules_source(*catalog), "structure"); !r)
    throw exception(std::move(r.error()));
  return set;
}

std::string_view builtin_rules_source() noexcept {
  for (const auto& f : embedded::template_files())
    if (f.folder == embedded::builtin_template_folder() && f.name.ends_with(".rules")) return f.text();
  return {};
}

std::string_view template_rules_source(const Catalog& catalog) noexcept {
  // The built-in templates pair a catalogue with its rule file by id and version.
  const auto builtin = builtin_catalog();
  if (catalog.id() == builtin->id() && catalog.version() == builtin->version())
    return builtin_rules_source();
  // The built-in registry lives as long as the process, and so does the text.
  auto t = Registry::builtin().lookup(catalog.id(), catalog.version());
  return t && !(*t)->rule_files().empty() ? std::string_view((*t)->rule_files().front().text)
                                          : std::string_view();
}

namespace {

RuleSet compile_builtin(std::shared_ptr<const Catalog> catalog) {
  RuleSet set = RuleSet::structural(catalog);
  if (const auto source = builtin_rules_source(); !source.empty()) {
    if (auto r = set.add_source(source, "builtin.rules"); !r) throw exception(std::move(r.error()));
  }
  return set;
}

}  // namespace

RuleSet RuleSet::builtin(std::shared_ptr<const Catalog> catalog) {
  // For the built-in catalogue the set is compiled once per process (C API callers ask for it
  // per report): a copy shares the immutable compiled rules and costs a few pointer copies.
  const auto builtin = builtin_catalog();
  if (catalog == builtin) {
    static const RuleSet compiled = compile_builtin(builtin);
    return compiled;
  }
  if (catalog->id() == builtin->id() && catalog->version() == builtin->version())
    return compile_builtin(std::move(catalog));
  // Another built-in template's catalogue: its compiled rules, shared.
  if (const auto t = Registry::builtin().lookup(catalog->id(), catalog->version());
      t && detail::same_catalog(*(*t)->catalog(), *catalog))
    return (*t)->rules();
  return structural(std::move(catalog));
}

}  // namespace cchc
