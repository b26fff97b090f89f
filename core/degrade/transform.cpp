#include "core/degrade/transform.h"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace twinsight::core {

std::string toString(View view) { return view == View::Patches ? "patches" : "whole-frame"; }

View viewFromString(const std::string& text) {
    if (text == "patches") return View::Patches;
    if (text == "whole-frame") return View::WholeFrame;
    throw std::invalid_argument("unknown view '" + text + "' (expected patches or whole-frame)");
}

namespace {
const std::string kStrideSuffix = ",stride:";
// The rule's kind and percentile, without the stride suffix.
PoolRule poolKindFromString(const std::string& text);
}  // namespace

std::string toString(const PoolRule& rule) {
    std::ostringstream text;
    if (rule.kind == PoolRule::Kind::Mean) {
        text << "mean";
    } else {
        text << (rule.kind == PoolRule::Kind::Percentile ? "percentile:" : "lower-mean:") << rule.percentile;
    }
    if (rule.cropStride > 0) text << kStrideSuffix << rule.cropStride;
    return text.str();
}

PoolRule poolRuleFromString(const std::string& fullText) {
    std::string text = fullText;
    int stride = 0;
    if (const std::size_t at = text.find(kStrideSuffix); at != std::string::npos) {
        const std::string digits = text.substr(at + kStrideSuffix.size());
        const bool valid =
            !digits.empty() && digits.size() < 6 && digits.find_first_not_of("0123456789") == std::string::npos;
        if (!valid || std::stoi(digits) < 1)
            throw std::invalid_argument("unknown pooling rule '" + fullText + "' (bad stride)");
        stride = std::stoi(digits);
        text = text.substr(0, at);
    }
    PoolRule rule = poolKindFromString(text);
    rule.cropStride = stride;
    return rule;
}

namespace {
PoolRule poolKindFromString(const std::string& text) {
    if (text == "mean") return {};
    for (const auto& [prefix, kind] : {std::pair{std::string("percentile:"), PoolRule::Kind::Percentile},
                                       std::pair{std::string("lower-mean:"), PoolRule::Kind::LowerMean}}) {
        if (text.rfind(prefix, 0) != 0) continue;
        try {
            std::size_t used = 0;
            const double percentile = std::stod(text.substr(prefix.size()), &used);
            if (used == text.size() - prefix.size() && percentile >= 0.0 && percentile <= 100.0) {
                return {kind, percentile, 0};
            }
        } catch (const std::exception&) {
        }
    }
    throw std::invalid_argument("unknown pooling rule '" + text +
                                "' (expected mean, percentile:P or lower-mean:P with P in 0..100, then optionally "
                                ",stride:S)");
}
}  // namespace

cv::Mat Transform::apply(const cv::Mat& image, double magnitude, std::uint64_t seed) const {
    checkMagnitude(magnitude);
    if (image.empty() || image.type() != CV_8UC3) {
        throw std::invalid_argument(name() + ": expected a non-empty 3-channel 8-bit image");
    }
    return applyChecked(image, magnitude, seed);
}

cv::Mat Transform::applyToCrop(const cv::Mat& image, const cv::Rect& crop, double magnitude, std::uint64_t seed) const {
    const int margin = marginFor(magnitude);
    const cv::Rect bounds(0, 0, image.cols, image.rows);
    const cv::Rect padded =
        cv::Rect(crop.x - margin, crop.y - margin, crop.width + 2 * margin, crop.height + 2 * margin) & bounds;
    if ((crop & bounds) != crop) throw std::invalid_argument(name() + ": crop lies outside the image");
    const cv::Mat degraded = apply(image(padded), magnitude, seed);
    return degraded(cv::Rect(crop.x - padded.x, crop.y - padded.y, crop.width, crop.height)).clone();
}

void Transform::checkMagnitude(double magnitude) const {
    const Range valid = validRange();
    if (!std::isfinite(magnitude) || !valid.contains(magnitude)) {
        std::ostringstream text;
        text << name() << ": magnitude " << magnitude << " is outside the valid range " << valid.min << " to "
             << valid.max << " " << unit();
        throw std::invalid_argument(text.str());
    }
}

void Transform::checkRange(const Range& range) const {
    const Range valid = validRange();
    std::ostringstream text;
    if (!std::isfinite(range.min) || !std::isfinite(range.max) || range.min >= range.max) {
        text << name() << ": range " << range.min << ":" << range.max << " needs min < max";
        throw std::invalid_argument(text.str());
    }
    if (!valid.contains(range.min) || !valid.contains(range.max)) {
        text << name() << ": range " << range.min << ":" << range.max << " is outside the valid range " << valid.min
             << ":" << valid.max << " " << unit();
        throw std::invalid_argument(text.str());
    }
}

const std::vector<const Transform*>& allTransforms() {
    static const auto owned = [] {
        std::vector<std::unique_ptr<Transform>> list;
        list.push_back(makeBlurTransform());
        list.push_back(makeBrightnessTransform());
        list.push_back(makeRotationTransform());
        list.push_back(makeNoiseTransform());
        list.push_back(makeJpegTransform());
        list.push_back(makeContrastTransform());
        return list;
    }();
    static const auto pointers = [] {
        std::vector<const Transform*> list;
        for (const auto& transform : owned) list.push_back(transform.get());
        return list;
    }();
    return pointers;
}

const Transform& findTransform(const std::string& name) {
    std::string known;
    for (const Transform* transform : allTransforms()) {
        if (transform->name() == name) return *transform;
        known += (known.empty() ? "" : ", ") + transform->name();
    }
    throw std::invalid_argument("unknown transformation '" + name + "' (known: " + known + ")");
}

}  // namespace twinsight::core
