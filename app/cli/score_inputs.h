#pragma once
// What `score` and `report` both start from: one model per transformation, and the PATH arguments checked.

#include <string>
#include <vector>

#include "core/model/trained_model.h"
#include "core/sidecars/sidecar_ratings.h"

namespace twinsight::cli {

// Loads each model file; a second model of one transformation is a UsageError.
std::vector<core::TrainedModel> loadModelsOnePerTransform(const std::vector<std::string>& files,
                                                          const std::string& device);

// `rules` as given, or, when there are none, each model's noticeable magnitude (as the desktop program starts with).
std::vector<core::FlagRule> rulesOrNoticeable(std::vector<core::FlagRule> rules,
                                              const std::vector<core::TrainedModel>& models);

// Throws UsageError when `output` is an existing file among `images` (names or FILE#K / FILE#z:K parts of files): a
// report or CSV written over a user's image or volume. Checked once the folders are listed, since a folder given as
// PATH holds files the command line does not name.
void requireNotAnImage(const std::string& option, const std::string& output, const std::vector<std::string>& images);

// A mistyped PATH argument is an error ("PATH: no such file or folder"); a dangling link or a loop is there, and is
// reported when it is loaded.
void requirePathArguments(const std::vector<std::string>& paths);

}  // namespace twinsight::cli
