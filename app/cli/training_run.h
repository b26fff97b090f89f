#pragma once
// What `train` and `demo` share: loading a training folder (skipped files reported) and training with a progress
// line on standard error, stopped cleanly by Ctrl-C.

#include <string>

#include "core/imageio/image_loading.h"
#include "core/training/trainer.h"

namespace twinsight::cli {

// The images of `folder` at `workingSize`; the files skipped are reported, and no readable image is an error.
core::ImageSet loadTrainingImages(const std::string& folder, int workingSize,
                                  core::SliceAxes slices = core::SliceAxes::Acquisition);

// Trains with a progress line; Ctrl-C stops the trainer at its next step (and nothing is written by the caller).
core::TrainingOutcome trainWithProgress(const core::TrainerConfig& config, const core::ImageSet& images);

}  // namespace twinsight::cli
