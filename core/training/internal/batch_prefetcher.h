#pragma once
// Prepares training batches on a background thread while the model trains on the previous ones.

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "core/training/internal/pair_sampler.h"

namespace twinsight::core {

class BatchPrefetcher {
public:
    // Starts drawing from `sampler`, which must outlive the prefetcher, keeping up to `depth` batches ready.
    BatchPrefetcher(PairSampler& sampler, int depth);
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    // The next batch in the sampler's order; rethrows what the sampler threw.
    PairBatch pop();
    // Batches from now on have this shape (PairSampler::setBatchShape); those drawn before are dropped.
    void reshape(int batchSize, double crossImageShare);

private:
    void fill();

    PairSampler& m_sampler;
    const std::size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<PairBatch> m_ready;
    std::exception_ptr m_error;
    bool m_stopping = false;
    std::optional<std::pair<int, double>> m_reshape;  // for the filling thread, which alone touches the sampler
    int m_shape = 0;                                  // counts reshapes: a batch drawn before one is dropped
    std::thread m_worker;
};

}  // namespace twinsight::core
