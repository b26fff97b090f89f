#include "classical_measures.h"

#include <cmath>

#include <opencv2/imgproc.hpp>

namespace twinsight::bench {
namespace {

cv::Mat grey(const cv::Mat& bgr) {
    cv::Mat out;
    cv::cvtColor(bgr, out, cv::COLOR_BGR2GRAY);
    return out;
}

core::ImageMeasure perImage(double (*measure)(const cv::Mat&), double sign, bool logarithm) {
    return [=](const std::vector<cv::Mat>& images) {
        std::vector<double> values;
        for (const cv::Mat& image : images) {
            const double value = measure(image);
            values.push_back(sign * (logarithm ? std::log(value + 1e-9) : value));
        }
        return values;
    };
}

}  // namespace

double laplacianVariance(const cv::Mat& bgr) {
    cv::Mat laplacian;
    cv::Laplacian(grey(bgr), laplacian, CV_64F);
    cv::Scalar mean, deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    return deviation[0] * deviation[0];
}

double meanV(const cv::Mat& bgr) {
    cv::Mat hsv;
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV_FULL);
    return cv::mean(hsv)[2];
}

double rmsContrast(const cv::Mat& bgr) {
    cv::Scalar mean, deviation;
    cv::meanStdDev(grey(bgr), mean, deviation);
    return deviation[0];
}

double noiseSigma(const cv::Mat& bgr) {
    const cv::Mat mask = (cv::Mat_<double>(3, 3) << 1, -2, 1, -2, 4, -2, 1, -2, 1);
    cv::Mat response;
    cv::filter2D(grey(bgr), response, CV_64F, mask);
    const cv::Mat inner = response(cv::Rect(1, 1, response.cols - 2, response.rows - 2));
    const double sumAbs = cv::sum(cv::abs(inner))[0];
    return std::sqrt(M_PI / 2.0) * sumAbs / (6.0 * inner.cols * inner.rows);
}

std::optional<ClassicalMeasure> classicalMeasureFor(const std::string& transform) {
    // log for the variance of the Laplacian: its Pearson with sigma is far better on a log scale (Spearman is
    // the same either way), so the comparison is with the classical measure at its best.
    if (transform == "blur") return ClassicalMeasure{"-log var(Laplacian)", perImage(laplacianVariance, -1.0, true)};
    if (transform == "brightness") return ClassicalMeasure{"mean V", perImage(meanV, 1.0, false)};
    if (transform == "contrast") return ClassicalMeasure{"log RMS contrast", perImage(rmsContrast, 1.0, true)};
    if (transform == "noise") return ClassicalMeasure{"Immerkaer sigma", perImage(noiseSigma, 1.0, false)};
    return std::nullopt;
}

}  // namespace twinsight::bench
