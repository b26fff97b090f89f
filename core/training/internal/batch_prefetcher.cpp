#include "core/training/internal/batch_prefetcher.h"

namespace twinsight::core {

BatchPrefetcher::BatchPrefetcher(PairSampler& sampler, int depth)
    : m_sampler(sampler), m_depth(static_cast<std::size_t>(std::max(1, depth))), m_worker([this] { fill(); }) {}

BatchPrefetcher::~BatchPrefetcher() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_worker.join();
}

PairBatch BatchPrefetcher::pop() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_error; });
    if (m_ready.empty()) std::rethrow_exception(m_error);
    PairBatch batch = std::move(m_ready.front());
    m_ready.pop_front();
    m_changed.notify_all();
    return batch;
}

void BatchPrefetcher::reshape(int batchSize, double crossImageShare) {
    {
        std::lock_guard lock(m_mutex);
        m_reshape = {batchSize, crossImageShare};
        ++m_shape;
        m_ready.clear();
    }
    m_changed.notify_all();
}

void BatchPrefetcher::fill() {
    for (;;) {
        int shape = 0;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || m_ready.size() < m_depth; });
            if (m_stopping) return;
            if (m_reshape) m_sampler.setBatchShape(m_reshape->first, m_reshape->second);
            m_reshape.reset();
            shape = m_shape;
        }
        try {
            PairBatch batch = m_sampler.next();
            std::lock_guard lock(m_mutex);
            if (shape != m_shape) continue;  // drawn in the old shape while it changed
            m_ready.push_back(std::move(batch));
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
            m_changed.notify_all();
            return;
        }
        m_changed.notify_all();
    }
}

}  // namespace twinsight::core
