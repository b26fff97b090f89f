#pragma once
// A degradation that Twinsight learns to measure, and the registry of all of them (docs/design.md, "Transformations").

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/model/network_input.h"

namespace twinsight::core {

struct Range {
    double min = 0.0;
    double max = 0.0;
    double span() const { return max - min; }
    bool contains(double value) const { return value >= min && value <= max; }
};

// How a transformation is seen by the network: crops at working resolution, or the whole frame resized.
enum class View { Patches, WholeFrame };

// How the scores of an image's crops become one score.
struct PoolRule {
    // Mean of all crops; one percentile of the crop scores; or the mean of the crops at or below a percentile (the
    // lowest-scoring share: for blur, the sharpest crops, where detail is).
    enum class Kind { Mean, Percentile, LowerMean };
    Kind kind = Kind::Mean;
    double percentile = 50.0;  // used by Percentile and LowerMean, 0..100
    // Pixels between neighbouring crops of the scoring grid; 0: the input size (crops side by side, as in files
    // written before the field existed). Overlapping crops give the lower-mean rule more of the detailed ones.
    int cropStride = 0;
};

// Where the whole-image context (Transform::globalContext) enters the branch network.
enum class ContextJoin {
    Head,        // beside the pooled crop features, into the head (files written before the field existed)
    LinearTerm,  // a linear function of the context added to the crop's score: it cannot learn the training
                 // photos' content through the context, which held better on unseen collections (blur)
    Alone,       // the head reads the context only and the pixels are not used: the image's own measurements
                 // carry what the transformation changes and the frame only taught the training photos' layout
                 // (rotation)
};

// How a transformation's degradation spreads over the frame.
enum class FrameMap {
    None,           // it acts on the whole frame (a tilt, a brightness shift): no map
    AnyTile,        // it can differ from one part to another, and every part shows it (noise, compression)
    DetailedTiles,  // it can differ, but only parts with detail show it: a clear sky is neither sharp nor soft (blur)
};

// Which crops of a training image the pair sampler takes.
enum class CropChoice {
    Anywhere,  // uniform over the image
    Detailed,  // the most detailed of a few uniform candidates: flat crops carry no blur, only label noise
};

std::string toString(View view);
View viewFromString(const std::string& text);
std::string toString(const PoolRule& rule);
PoolRule poolRuleFromString(const std::string& text);

class Transform {
public:
    virtual ~Transform() = default;

    virtual std::string name() const = 0;
    virtual std::string unit() const = 0;
    virtual std::string description() const = 0;
    virtual Range defaultRange() const = 0;
    virtual Range validRange() const = 0;
    // The smallest magnitude most viewers notice at the working size: where the desktop program's flag threshold
    // starts, on both sides of 0 when a model's range is signed (docs/quality.md, "Where flagging starts").
    virtual double noticeableMagnitude() const = 0;
    // How the copy of the higher magnitude reads in a pair: "more degraded", unless the transformation is signed
    // and has a direction ("brighter"), where a higher magnitude is no worse, only further one way.
    virtual std::string higherMagnitudeReading() const { return "more degraded"; }
    // Whether a map of the degradation over the frame means something (core/evaluation/focus_map.h).
    virtual FrameMap frameMap() const { return FrameMap::None; }
    virtual View view() const = 0;
    virtual PoolRule poolRule() const { return {}; }
    virtual CropChoice cropChoice() const { return CropChoice::Anywhere; }
    // Training steps by default: as many as fit in about 90 s on two cores, where more measurably paid.
    virtual int defaultSteps() const { return 3000; }
    // Values describing the whole (degraded) image that the network sees beside each crop; none by default.
    virtual int contextSize() const { return 0; }
    virtual std::vector<float> globalContext(const cv::Mat& /*bgr*/) const { return {}; }
    // The context of `image` degraded by `magnitude`: globalContext(apply(...)) unless the transformation knows a
    // cheaper way to the same values (the pair sampler asks for one per crop).
    virtual std::vector<float> contextAfter(const cv::Mat& image, double magnitude, std::uint64_t seed) const {
        return globalContext(apply(image, magnitude, seed));
    }
    // When positive, the context changes smoothly with the magnitude: the pair sampler computes it at this many
    // evenly spaced magnitudes over the training range, once per image, and interpolates between them, instead
    // of degrading the whole image for every crop.
    virtual int contextGridSize() const { return 0; }
    // Where the context enters the network.
    virtual ContextJoin contextJoin() const { return ContextJoin::Head; }
    // Context sizes of models written before the context grew: their values are the first ones of today's, and
    // the scorer hands such a model only those.
    virtual std::vector<int> earlierContextSizes() const { return {}; }
    // How pixels are fed to the network for this transformation.
    virtual InputEncoding inputEncoding() const { return InputEncoding::FixedScale; }
    // Share of cross-image pairs in training (docs/design.md, "Comparable across images"): half by default.
    virtual double defaultCrossImageShare() const { return 0.5; }
    // Weight of the loss asking scores to grow in proportion to the magnitude (trainer.cpp). Held-out skimage
    // photos, pooled Pearson without -> with 0.05: blur 0.90 -> 0.97, brightness 0.885 -> 0.91, rotation 0.41 ->
    // 0.54, noise 0.988 -> 0.990; 0.15 and more did no better for blur and worse for rotation.
    virtual double defaultLinearityWeight() const { return 0.05; }

    // Degrades a CV_8UC3 image by `magnitude`; `seed` drives stochastic transformations (noise) only.
    // Throws std::invalid_argument when the magnitude lies outside validRange().
    cv::Mat apply(const cv::Mat& image, double magnitude, std::uint64_t seed = 0) const;

    // Degrades only `crop` of `image`, computing over a margin around it so that the crop's edges look like
    // its interior at every magnitude (docs/design.md, "Shortcuts the network must not get").
    virtual cv::Mat applyToCrop(const cv::Mat& image, const cv::Rect& crop, double magnitude,
                                std::uint64_t seed = 0) const;

    // Throws std::invalid_argument naming the transformation unless `range` is inside the valid one with min < max.
    void checkRange(const Range& range) const;

protected:
    virtual cv::Mat applyChecked(const cv::Mat& image, double magnitude, std::uint64_t seed) const = 0;
    // Pixels of context a crop needs around it at this magnitude.
    virtual int marginFor(double /*magnitude*/) const { return 0; }
    void checkMagnitude(double magnitude) const;
};

// Every built-in transformation, in a fixed order (blur first).
const std::vector<const Transform*>& allTransforms();

// The transformation called `name`; throws std::invalid_argument listing the known names otherwise.
const Transform& findTransform(const std::string& name);

// Factories, one per file.
std::unique_ptr<Transform> makeBlurTransform();
std::unique_ptr<Transform> makeBrightnessTransform();
std::unique_ptr<Transform> makeRotationTransform();
std::unique_ptr<Transform> makeNoiseTransform();
std::unique_ptr<Transform> makeJpegTransform();
std::unique_ptr<Transform> makeContrastTransform();

}  // namespace twinsight::core
