// SPDX-License-Identifier: MIT
// Carrying a report over to the next version of its template, by the version's mapping: rows
// that stay carry their figure as written, merged rows are summed exactly, and whatever cannot
// be carried (a dropped figure, a split figure) is a finding, never a guess.
#include <fmt/format.h>

#include "cchc/templates.hpp"
#include "util/strings.hpp"

namespace cchc {
namespace {

Finding note(std::string id, Severity severity, FindingRow row, std::string vi, std::string en) {
  Finding f;
  f.rule_id = std::move(id);
  f.severity = severity;
  f.rows.push_back(std::move(row));
  f.message_vi = std::move(vi);
  f.message_en = std::move(en);
  return f;
}

bool reported(const Value& v) { return !std::holds_alternative<Absent>(v); }

const std::string& written(const Value& v) { return text_of(v); }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& i : items) detail::join_into(out, separator, i);
  return out;
}

// Σ of figures of one summable kind; nullopt when a part is of another kind.
std::optional<Value> sum(const std::vector<Value>& parts, Kind kind) {
  switch (kind) {
    case Kind::count: {
      Count total;
      for (const Value& v : parts)
        if (const auto* c = std::get_if<Count>(&v)) total += *c; else return std::nullopt;
      return total;
    }
    case Kind::money: {
      std::int64_t total = 0;
      for (const Value& v : parts)
        if (const auto* m = std::get_if<Money>(&v)) total = (Money(total) + *m).dong(); else return std::nullopt;
      return Money(total);
    }
    case Kind::pair: {
      Count a, b;
      for (const Value& v : parts)
        if (const auto* p = std::get_if<Pair>(&v)) {
          a += p->first();
          b += p->second();
        } else {
          return std::nullopt;
        }
      return Pair(a, b);
    }
    default: return std::nullopt;
  }
}

// Whether every part is a reported zero: the one figure a split can carry (0 = 0 + 0).
bool is_zero(const Value& v) {
  if (const auto* c = std::get_if<Count>(&v)) return c->get() == 0;
  if (const auto* m = std::get_if<Money>(&v)) return m->dong() == 0;
  if (const auto* p = std::get_if<Pair>(&v)) return p->first().get() == 0 && p->second().get() == 0;
  return false;
}

Value zero_of(Kind kind) {
  switch (kind) {
    case Kind::money: return Money(0);
    case Kind::pair: return Pair(Count(0), Count(0));
    default: return Count(0);
  }
}

}  // namespace

result<Migration> migrate(const Report& report, const Template& to) {
  const Catalog& old_cat = report.catalog();
  const Catalog& new_cat = *to.catalog();
  if (!to.mapping() || to.mapping()->from_id != old_cat.id() ||
      to.mapping()->from_version != old_cat.version())
    return make_error(errc::invalid_argument,
                      fmt::format("mẫu {} {} không có bản đồ chuyển đổi từ {} {}", to.id(),
                                  to.version(), old_cat.id(), old_cat.version()),
                      fmt::format("template {} {} has no mapping from {} {}", to.id(),
                                  to.version(), old_cat.id(), old_cat.version()));
  Migration out{Report(to.catalog()), {}};
  Report& next = out.report;
  {
    Metadata m = report.metadata();
    m.catalog_id = new_cat.id();
    m.catalog_version = new_cat.version();
    next.metadata() = std::move(m);
  }
  // A finding's row in the old report, placed at the new row of the same address (or after all
  // rows when there is none), so that findings sort and render against the new catalogue.
  auto old_at = [&](RowId r) {
    const Row& row = old_cat.row(r);
    return FindingRow{new_cat.find(row.address()).value_or(RowId{static_cast<std::uint32_t>(new_cat.size())}),
                      row.address(), report.text(r), report.blank(r), std::nullopt};
  };
  auto new_at = [&](RowId r) { return FindingRow::of(next, r); };
  const std::string step = fmt::format("{} → {}", old_cat.version(), new_cat.version());
  std::vector<bool> mapped_old(old_cat.size(), false), mapped_new(new_cat.size(), false);
  auto old_row = [&](const std::string& address) -> result<RowId> {
    auto id = old_cat.lookup(address);
    if (!id)
      return std::move(id.error()).within(fmt::format("mapping {} ({})", step, address));
    return *id;
  };

  auto carry = [&](RowId from, RowId into) {
    const Value v = report.value(from);
    if (reported(v)) {
      if (auto r = next.set_text(into, written(v)); !r) {
        out.findings.push_back(note(fmt::format("migrate.kind.{}", new_cat.row(into).address()),
                                    Severity::warning, old_at(from),
                                    fmt::format("{} = {} không chuyển được sang {}: {}", old_cat.row(from).address(),
                                                written(v), new_cat.row(into).address(), r.error().message_vi),
                                    fmt::format("{} = {} cannot become {}: {}", old_cat.row(from).address(),
                                                written(v), new_cat.row(into).address(), r.error().message_en)));
        return;
      }
    } else {
      next.clear(into, std::get<Absent>(v).reason());
    }
    if (!report.note(from).empty()) next.set_note(into, report.note(from));
  };

  for (const RowMapping& m : to.mapping()->rows) {
    std::vector<RowId> from, into;
    for (const auto& a : m.from) {
      auto id = old_row(a);
      if (!id) return id.error();
      from.push_back(*id);
      mapped_old[id->index] = true;
    }
    for (const auto& a : m.to) {
      const RowId id = *new_cat.find(a);  // checked when the mapping was read
      into.push_back(id);
      mapped_new[id.index] = true;
    }
    const std::string why = m.note.empty() ? std::string() : fmt::format(" ({})", m.note);
    switch (m.how) {
      case RowMapping::How::same: carry(from[0], into[0]); break;
      case RowMapping::How::merge: {
        std::vector<Value> parts;
        std::vector<std::string> blank;
        for (RowId r : from) {
          if (!report.blank(r)) parts.push_back(report.value(r));
          else blank.push_back(old_cat.row(r).address());
        }
        const Row& target = new_cat.row(into[0]);
        if (parts.empty()) break;  // all blank: the merged row is blank too
        std::optional<Value> total;
        try {
          total = sum(parts, target.kind);
        } catch (const exception&) {
          total.reset();  // beyond 18 digits
        }
        if (!total || !next.set(into[0], *total)) {
          out.findings.push_back(note(fmt::format("migrate.merge.{}", target.address()), Severity::warning,
                                      new_at(into[0]),
                                      fmt::format("{}: không cộng được các dòng {} thành một số{}", target.address(),
                                                  join(m.from, ", "), why),
                                      fmt::format("{}: rows {} cannot be summed into one figure{}",
                                                  target.address(), join(m.from, ", "), why)));
          break;
        }
        if (!blank.empty())
          out.findings.push_back(note(fmt::format("migrate.partial.{}", target.address()), Severity::warning,
                                      new_at(into[0]),
                                      fmt::format("{} là tổng của {}, nhưng {} để trống{}", target.address(),
                                                  join(m.from, " + "), join(blank, ", "), why),
                                      fmt::format("{} sums {}, but {} left it blank{}", target.address(),
                                                  join(m.from, " + "), join(blank, ", "), why)));
        break;
      }
      case RowMapping::How::split: {
        const Value v = report.value(from[0]);
        if (!reported(v)) break;
        if (is_zero(v)) {
          for (RowId r : into) (void)next.set(r, zero_of(new_cat.row(r).kind));
          break;
        }
        out.findings.push_back(note(fmt::format("migrate.split.{}", old_cat.row(from[0]).address()),
                                    Severity::warning, old_at(from[0]),
                                    fmt::format("{} = {} được tách thành {}; không chia được số liệu, các dòng mới để trống{}",
                                                old_cat.row(from[0]).address(), written(v), join(m.to, ", "), why),
                                    fmt::format("{} = {} is split into {}; a figure cannot be divided, so they are left blank{}",
                                                old_cat.row(from[0]).address(), written(v), join(m.to, ", "), why)));
        break;
      }
      case RowMapping::How::added: break;  // reported with the unmapped new rows below
      case RowMapping::How::dropped:
        for (RowId r : from) {
          if (report.blank(r)) continue;
          out.findings.push_back(note(fmt::format("migrate.dropped.{}", old_cat.row(r).address()),
                                      Severity::warning, old_at(r),
                                      fmt::format("{} = {} không còn trong phiên bản {}{}", old_cat.row(r).address(),
                                                  report.text(r), new_cat.version(), why),
                                      fmt::format("{} = {} has no place in version {}{}", old_cat.row(r).address(),
                                                  report.text(r), new_cat.version(), why)));
        }
        break;
    }
  }
  // Rows the mapping does not name: the row at the same address, when it is of the same kind.
  for (const Row& row : new_cat.rows()) {
    if (mapped_new[row.id.index]) {
      if (!row.holds_value()) continue;
      bool added = false;
      for (const RowMapping& m : to.mapping()->rows)
        if (m.how == RowMapping::How::added)
          for (const auto& a : m.to) added = added || new_cat.find(a) == row.id;
      if (added)
        out.findings.push_back(note(fmt::format("migrate.added.{}", row.address()), Severity::info, new_at(row.id),
                                    fmt::format("{} là dòng mới của phiên bản {}: chưa có số liệu", row.address(),
                                                new_cat.version()),
                                    fmt::format("{} is new in version {}: no figure yet", row.address(),
                                                new_cat.version())));
      continue;
    }
    const auto old_id = old_cat.find(row.address());
    if (old_id && !mapped_old[old_id->index] && old_cat.row(*old_id).kind == row.kind) {
      mapped_old[old_id->index] = true;
      if (row.holds_value()) carry(*old_id, row.id);
      continue;
    }
    if (row.holds_value())
      out.findings.push_back(note(fmt::format("migrate.added.{}", row.address()), Severity::info, new_at(row.id),
                                  fmt::format("{} không có trong phiên bản {}: chưa có số liệu", row.address(),
                                              old_cat.version()),
                                  fmt::format("{} is not in version {}: no figure yet", row.address(),
                                              old_cat.version())));
  }
  // Old rows with a figure that went nowhere.
  for (const Row& row : old_cat.rows()) {
    if (mapped_old[row.id.index] || !row.holds_value() || report.blank(row.id)) continue;
    out.findings.push_back(note(fmt::format("migrate.dropped.{}", row.address()), Severity::warning, old_at(row.id),
                                fmt::format("{} = {} không có chỗ trong phiên bản {}", row.address(),
                                            report.text(row.id), new_cat.version()),
                                fmt::format("{} = {} has no row in version {}", row.address(),
                                            report.text(row.id), new_cat.version())));
  }
  return out;
}

result<Migration> migrate(const Report& report, const Registry& registry,
                          std::string_view to_version) {
  const Catalog& cat = report.catalog();
  auto path = registry.migration_path(cat.id(), cat.version(), to_version);
  if (!path) return path.error();
  Migration out{report, {}};
  for (const auto& t : *path) {
    auto step = migrate(out.report, *t);
    if (!step) return step.error();
    out.report = std::move(step->report);
    for (auto& f : step->findings) out.findings.push_back(std::move(f));
  }
  return out;
}

std::optional<Report> comparable(const Report& earlier, const Catalog& current,
                                 const Registry& registry) {
  const Catalog& cat = earlier.catalog();
  if (cat.id() != current.id()) return std::nullopt;
  if (cat.version() == current.version()) return earlier;
  auto m = migrate(earlier, registry, current.version());
  if (!m) return std::nullopt;
  return std::move(m->report);
}

}  // namespace cchc
