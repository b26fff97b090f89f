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

double dominantOrientationDegrees(const cv::Mat& bgr) {
    cv::Mat gx, gy;
    const cv::Mat g = grey(bgr);
    cv::Sobel(g, gx, CV_64F, 1, 0);
    cv::Sobel(g, gy, CV_64F, 0, 1);
    // Each gradient votes with its squared length for its angle times four, so that the four directions of an
    // upright grid (0, 90, 180, 270 degrees) agree; the mean vote's angle over four is the grid's tilt.
    double c = 0.0, s = 0.0;
    for (int y = 1; y < g.rows - 1; ++y) {
        const double* rowX = gx.ptr<double>(y);
        const double* rowY = gy.ptr<double>(y);
        for (int x = 1; x < g.cols - 1; ++x) {
            const double strength = rowX[x] * rowX[x] + rowY[x] * rowY[x];
            const double angle = std::atan2(rowY[x], rowX[x]);
            c += strength * std::cos(4.0 * angle);
            s += strength * std::sin(4.0 * angle);
        }
    }
    // Rows run downwards, so a counter-clockwise turn on screen is clockwise in these coordinates.
    return -std::atan2(s, c) / 4.0 * 180.0 / M_PI;
}

double blockiness(const cv::Mat& bgr) {
    cv::Mat g;
    grey(bgr).convertTo(g, CV_64F);
    double edgeSum = 0.0, allSum = 0.0;
    std::size_t edgeCount = 0, allCount = 0;
    auto step = [&](double a, double b, bool blockEdge) {
        const double d = std::abs(a - b);
        allSum += d, ++allCount;
        if (blockEdge) edgeSum += d, ++edgeCount;
    };
    for (int y = 0; y < g.rows; ++y) {
        const double* row = g.ptr<double>(y);
        const double* below = y + 1 < g.rows ? g.ptr<double>(y + 1) : nullptr;
        for (int x = 0; x < g.cols; ++x) {
            if (x + 1 < g.cols) step(row[x], row[x + 1], (x + 1) % 8 == 0);
            if (below) step(row[x], below[x], (y + 1) % 8 == 0);
        }
    }
    if (edgeCount == 0 || allSum <= 0.0) return 1.0;
    return (edgeSum / edgeCount) / (allSum / allCount);
}

std::optional<ClassicalMeasure> classicalMeasureFor(const std::string& transform) {
    // log for the variance of the Laplacian: its Pearson with sigma is far better on a log scale (Spearman is
    // the same either way), so the comparison is with the classical measure at its best.
    if (transform == "blur") return ClassicalMeasure{"-log var(Laplacian)", perImage(laplacianVariance, -1.0, true)};
    if (transform == "brightness") return ClassicalMeasure{"mean V", perImage(meanV, 1.0, false)};
    if (transform == "contrast") return ClassicalMeasure{"log RMS contrast", perImage(rmsContrast, 1.0, true)};
    if (transform == "noise") return ClassicalMeasure{"Immerkaer sigma", perImage(noiseSigma, 1.0, false)};
    if (transform == "rotation") {
        return ClassicalMeasure{"gradient orientation", perImage(dominantOrientationDegrees, 1.0, false)};
    }
    if (transform == "jpeg") return ClassicalMeasure{"8-px blockiness", perImage(blockiness, 1.0, false)};
    return std::nullopt;
}

}  // namespace twinsight::bench
