// SPDX-License-Identifier: MIT
// cchc_catalog: templates.
#include "capi/glue.hpp"

using namespace cchc::capi;

// Definitions take their C linkage from the declarations in cchc.h.

// ---- catalogues ------------------------------------------------------------------------------

int32_t cchc_catalog_builtin(cchc_catalog** out) {
  return guard([&] {
    need(out, "out");
    return make(out, wrap(cchc::builtin_catalog()));
  });
}

int32_t cchc_catalog_from_json(cchc_catalog** out, const char* json, size_t length) {
  return cchc_catalog_from_json_v2(out, json, length, nullptr);
}

int32_t cchc_catalog_from_json_v2(cchc_catalog** out, const char* json, size_t length,
                                  const cchc_options* options) {
  return guard(options, [&] {
    need(out, "out");
    const Options o = read_options(options);
    return make(out, wrap(take(cchc::catalog_from_json(text_in(json, length, "json"), o.limits.json))));
  });
}

int32_t cchc_catalog_load(cchc_catalog** out, const char* path) {
  return cchc_catalog_load_v2(out, path, nullptr);
}

int32_t cchc_catalog_load_v2(cchc_catalog** out, const char* path, const cchc_options* options) {
  return guard(options, [&] {
    need(out, "out");
    const Options o = read_options(options);
    return make(out, wrap(take(cchc::load_catalog(std::string(cstr_in(path, "path")), o.limits.json))));
  });
}

void cchc_catalog_free(cchc_catalog* catalog) { delete catalog; }

int32_t cchc_catalog_id(const char** id, const char** version, const cchc_catalog* catalog) {
  return guard([&] {
    const auto& cat = *need(catalog, "catalog")->catalog;
    *need(id, "id") = cat.id().c_str();
    *need(version, "version") = cat.version().c_str();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_form_count(size_t* out, const cchc_catalog* catalog) {
  return guard([&] {
    *need(out, "out") = need(catalog, "catalog")->catalog->forms().size();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_row_count(size_t* out, const cchc_catalog* catalog) {
  return guard([&] {
    *need(out, "out") = need(catalog, "catalog")->catalog->size();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_find_row(size_t* index, const cchc_catalog* catalog, const char* address,
                              size_t length) {
  return guard([&] {
    need(index, "index");
    const auto id = take(need(catalog, "catalog")->catalog->lookup(text_in(address, length, "address")));
    *index = id.index;
    return CCHC_OK;
  });
}

namespace {
const cchc::Row& row_at(const cchc_catalog* catalog, size_t index) {
  const auto& cat = *need(catalog, "catalog")->catalog;
  if (index >= cat.size())
    throw cchc::exception(make_error(errc::invalid_argument,
                                     fmt::format("chỉ số dòng {} vượt quá {}", index, cat.size()),
                                     fmt::format("row index {} is beyond {}", index, cat.size())));
  return cat.rows()[index];
}

}  // namespace

int32_t cchc_catalog_form(cchc_form_info* out, const cchc_catalog* catalog, size_t index) {
  return guard([&] {
    check_struct_version(need(out, "out")->version, CCHC_FORM_INFO_VERSION, "cchc_form_info");
    const auto& cat = *need(catalog, "catalog")->catalog;
    if (index >= cat.forms().size())
      return fail(errc::invalid_argument, "chỉ số biểu mẫu vượt quá số biểu mẫu",
                  "form index beyond the number of forms");
    const cchc::Form& f = cat.forms()[index];
    out->number = f.number;
    out->title = f.title.c_str();
    out->title_en = f.title_en.c_str();
    out->first_row = f.first_row;
    out->row_count = f.row_count;
    return CCHC_OK;
  });
}

int32_t cchc_catalog_row(cchc_row_info* out, const cchc_catalog* catalog, size_t index) {
  return guard([&] {
    check_struct_version(need(out, "out")->version, CCHC_ROW_INFO_VERSION, "cchc_row_info");
    const cchc::Row& row = row_at(catalog, index);
    out->form = row.form;
    out->address = catalog->addresses[index].c_str();
    out->code = row.code.c_str();
    out->printed_code = row.printed_code.c_str();
    out->label = row.label.c_str();
    out->label_en = row.label_en.c_str();
    out->unit = row.unit.c_str();
    out->kind = cchc::traits(row.kind).c_code;
    out->required = row.required ? 1 : 0;
    out->cumulative = row.cumulative ? 1 : 0;
    out->parent = row.parent ? static_cast<int64_t>(row.parent->index) : -1;
    out->code_count = row.codes.options().size();
    return CCHC_OK;
  });
}

int32_t cchc_catalog_row_code(int64_t* value, const char** label, const char** label_en,
                              const cchc_catalog* catalog, size_t row, size_t i) {
  return guard([&] {
    const cchc::Row& r = row_at(catalog, row);
    if (i >= r.codes.options().size())
      return fail(errc::invalid_argument, "chỉ số mã vượt quá danh sách mã",
                  "code index beyond the code list", r.address());
    const auto& o = r.codes.options()[i];
    *need(value, "value") = o.value;
    *need(label, "label") = o.label.c_str();
    *need(label_en, "label_en") = o.label_en.c_str();
    return CCHC_OK;
  });
}
