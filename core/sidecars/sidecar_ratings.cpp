#include "core/sidecars/sidecar_ratings.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/degrade/transform.h"

namespace twinsight::core {
namespace {

// Unflagged images span these stars, so that a flagged image (1 star or rejected) always stands apart.
constexpr int kMostStars = 5;
constexpr int kFewestUnflaggedStars = 2;
// A flagged image the user keeps (not rejected): below every unflagged image.
constexpr int kFlaggedStars = 1;

}  // namespace

double ruleExcess(const FlagRule& rule, double estimate) {
    return std::max(0.0, rule.above ? estimate - rule.threshold : rule.threshold - estimate);
}

int starRating(double estimate, const Range& range) {
    // Magnitude 0 is "unchanged" for every transformation; brightness, contrast and rotation reach both ways from it.
    const double unchanged = std::clamp(0.0, range.min, range.max);
    const double reach = std::max(range.max - unchanged, unchanged - range.min);
    const double distance = std::abs(std::clamp(estimate, range.min, range.max) - unchanged);
    const double position = reach > 0.0 ? distance / reach : 0.0;
    const int steps = kMostStars - kFewestUnflaggedStars;
    return kMostStars - static_cast<int>(std::lround(position * steps));
}

std::vector<FlagRule> defaultFlagRules(const std::vector<const ModelMetadata*>& models) {
    std::vector<FlagRule> rules;
    for (const ModelMetadata* model : models) {
        const double noticeable = findTransform(model->transform).noticeableMagnitude();
        rules.push_back({model->transform, true, noticeable});
        if (model->range.min < 0.0) rules.push_back({model->transform, false, -noticeable});
    }
    return rules;
}

void checkFlagRules(const std::vector<const ModelMetadata*>& models, const RatingPolicy& policy) {
    for (const FlagRule& rule : policy.flagRules) {
        const bool known = std::any_of(models.begin(), models.end(),
                                       [&](const ModelMetadata* model) { return model->transform == rule.transform; });
        if (!known)
            throw std::invalid_argument("flag rule for '" + rule.transform + "': no model of that transformation");
    }
}

XmpUpdate makeXmpUpdate(const std::vector<const ModelMetadata*>& models, const std::vector<ImageEstimate>& estimates,
                        const RatingPolicy& policy) {
    if (models.size() != estimates.size()) throw std::invalid_argument("makeXmpUpdate: one estimate per model");
    checkFlagRules(models, policy);
    XmpUpdate update;
    update.rating = kMostStars;
    update.flagged = false;
    update.flagLabel = policy.flagLabel;
    for (std::size_t m = 0; m < models.size(); ++m) {
        const ModelMetadata& model = *models[m];
        const ImageEstimate& estimate = estimates[m];
        update.rating = std::min(update.rating, starRating(estimate.estimate, model.range));
        update.scores.push_back({model.transform, estimate.score, estimate.estimate, model.unit});
    }
    if (isFlagged(models, estimates, policy.flagRules)) markFlagged(update, policy.rejectFlagged);
    return update;
}

bool isFlagged(const std::vector<const ModelMetadata*>& models, const std::vector<ImageEstimate>& estimates,
               const std::vector<FlagRule>& rules) {
    for (std::size_t m = 0; m < models.size() && m < estimates.size(); ++m) {
        for (const FlagRule& rule : rules) {
            if (rule.transform == models[m]->transform && ruleExcess(rule, estimates[m].estimate) > 0.0) return true;
        }
    }
    return false;
}

void markFlagged(XmpUpdate& update, bool reject) {
    update.flagged = true;
    update.rating = reject ? -1 : kFlaggedStars;
}

}  // namespace twinsight::core
