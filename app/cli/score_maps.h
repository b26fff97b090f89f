#pragma once
// `score --map-out DIR`: one focus map per scored image and model whose transformation varies across the frame,
// as PNG (the image at working size, each tile tinted by its estimate), and an index `maps.csv`.

#include <string>
#include <vector>

#include "core/model/trained_model.h"
#include "core/scoring/file_scoring.h"

namespace twinsight::cli {

// Before scoring: throws UsageError when none of `models` has a focus map (a tilt or a brightness shift acts on the
// whole frame), and std::runtime_error naming `folder` when it cannot be created.
void prepareFocusMaps(const std::string& folder, const std::vector<core::TrainedModel>& models);

// Decodes each scored image again at each mapping model's working size and writes DIR/NAME.TRANSFORM.png (NAME: the
// file's name with its frame, "-2", "-3"... added when two images share it) and DIR/maps.csv with the header
// `path,transform,map`. Each file is written whole or not at all; an image that can no
// longer be read is reported on standard error and skipped, and std::runtime_error is thrown at the end if any was.
void writeFocusMaps(const std::string& folder, const core::MultiModelScores& scores,
                    const std::vector<core::TrainedModel>& models);

}  // namespace twinsight::cli
