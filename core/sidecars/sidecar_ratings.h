#pragma once
// What Twinsight writes into a sidecar for one image: a star rating from its scores, and a flag from the user's
// thresholds (issue "Real workflows": flagged images get 1 star, or are rejected, and a colour label).

#include <string>
#include <vector>

#include "core/model/model_metadata.h"
#include "core/model/trained_model.h"
#include "core/sidecars/xmp_sidecar.h"

namespace twinsight::core {

// Flags an image whose estimate for `transform` lies beyond `threshold` (in the transformation's unit).
struct FlagRule {
    std::string transform;
    bool above = true;
    double threshold = 0.0;
};

// How far `estimate` lies beyond the rule's threshold, in the unit; 0 when the rule does not hold.
double ruleExcess(const FlagRule& rule, double estimate);

struct RatingPolicy {
    std::vector<FlagRule> flagRules;  // an image is flagged when any rule holds
    bool rejectFlagged = false;       // flagged images get -1 (rejected) instead of 1 star
    std::string flagLabel = "Red";
};

// Stars from one estimate: 5 where the image is unchanged (magnitude 0) down to 2 at the far end of the model's range
// on either side (a brightness of -80 or +80 alike), linear, clamped; 1 star and rejection are kept for flagged
// images.
int starRating(double estimate, const Range& range);

// The sidecar update for one image scored by `models` (estimates in the same order): the fewest stars any model
// gives, or the flag's rating. Throws std::invalid_argument when a rule names a transformation no model has.
XmpUpdate makeXmpUpdate(const std::vector<const ModelMetadata*>& models, const std::vector<ImageEstimate>& estimates,
                        const RatingPolicy& policy);

// True when any of `rules` holds for the image's estimates (one per model, in the models' order).
bool isFlagged(const std::vector<const ModelMetadata*>& models, const std::vector<ImageEstimate>& estimates,
               const std::vector<FlagRule>& rules);

// Marks `update` flagged: 1 star, or -1 (rejected).
void markFlagged(XmpUpdate& update, bool reject);

// The rules an image is flagged by when the user gives none: beyond each model's transformation's noticeable
// magnitude (above it, and for a signed range also below its negative), as the desktop program starts with.
std::vector<FlagRule> defaultFlagRules(const std::vector<const ModelMetadata*>& models);

// Throws std::invalid_argument naming the rule when its transformation is not among the models'.
void checkFlagRules(const std::vector<const ModelMetadata*>& models, const RatingPolicy& policy);

}  // namespace twinsight::core
