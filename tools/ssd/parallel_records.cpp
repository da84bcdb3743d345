#include "parallel_records.h"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

namespace ssd::cli {

namespace {

// A block of about this much input: some hundreds of records, enough to make a hand-over cheap
// beside the work, small enough that a few blocks per thread stay a few megabytes.
constexpr size_t kBlockSize = 256 << 10;

// The input files, one after the other, as blocks of lines.
class Input {
 public:
  Input(const std::vector<std::string>& paths, size_t padding) : paths_(paths), padding_(padding) {}
  ~Input() { close(); }

  // False at the end of the last file, or when a file cannot be opened or read (then ok() is false).
  bool next(LineBlock& block) {
    while (ok_) {
      if (!reader_) {
        if (index_ == paths_.size()) return false;
        const std::string& path = paths_[index_];
        file_ = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
        if (!file_) {
          std::cerr << "ssd: cannot open " << path << "\n";
          ok_ = false;
          return false;
        }
        reader_ = std::make_unique<LineReader>(file_, padding_, kBlockSize);
      }
      if (reader_->next(block)) return true;
      if (reader_->failed()) {
        std::cerr << "ssd: read error: " << paths_[index_] << "\n";
        ok_ = false;
      }
      close();
      ++index_;
    }
    return false;
  }
  bool ok() const { return ok_; }

 private:
  void close() {
    if (file_ && file_ != stdin) std::fclose(file_);
    file_ = nullptr;
    reader_.reset();
  }

  const std::vector<std::string>& paths_;
  size_t padding_;
  size_t index_ = 0;
  std::FILE* file_ = nullptr;
  std::unique_ptr<LineReader> reader_;
  bool ok_ = true;
};

// Blocks handed to the workers and back, numbered in input order.
class Queues {
 public:
  void put(size_t number, CheckedBlock* block) {
    {
      std::lock_guard lock(mutex_);
      todo_.emplace_back(number, block);
    }
    work_ready_.notify_one();
  }
  // For a worker: the next block to check, or null when there will be none.
  std::pair<size_t, CheckedBlock*> get() {
    std::unique_lock lock(mutex_);
    work_ready_.wait(lock, [&] { return closing_ || !todo_.empty(); });
    if (todo_.empty()) return {0, nullptr};
    const auto next = todo_.front();
    todo_.pop_front();
    return next;
  }
  void checked(size_t number, CheckedBlock* block) {
    {
      std::lock_guard lock(mutex_);
      done_.emplace(number, block);
    }
    done_ready_.notify_one();
  }
  // For the calling thread: block `number`, once checked.
  CheckedBlock* take(size_t number) {
    std::unique_lock lock(mutex_);
    done_ready_.wait(lock, [&] { return done_.count(number) > 0; });
    CheckedBlock* block = done_[number];
    done_.erase(number);
    return block;
  }
  void close() {
    {
      std::lock_guard lock(mutex_);
      closing_ = true;
    }
    work_ready_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable work_ready_, done_ready_;
  std::deque<std::pair<size_t, CheckedBlock*>> todo_;
  std::map<size_t, CheckedBlock*> done_;
  bool closing_ = false;
};

}  // namespace

void CheckedBlock::keep(const RecordResult& result) {
  if (kept == results.size()) results.push_back(result);
  else results[kept] = result;  // reuses the strings and findings of an earlier block
  ++kept;
}

void CheckedBlock::clear() {
  text.clear();
  kept = 0;
  statuses.fill(0);
}

unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

bool check_files_parallel(const std::vector<std::string>& paths, unsigned threads, size_t padding,
                          const MakeWork& make_work, const TakeBlock& take) {
  Input input(paths, padding);
  if (threads <= 1) {
    const std::unique_ptr<BlockWork> work = make_work();
    CheckedBlock block;
    while (input.next(block.input)) {
      block.clear();
      work->check(block);
      if (!take(block)) break;
    }
    return input.ok();
  }

  Queues queues;
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i)
    workers.emplace_back([&] {
      const std::unique_ptr<BlockWork> work = make_work();
      for (auto [number, block] = queues.get(); block; std::tie(number, block) = queues.get()) {
        work->check(*block);
        queues.checked(number, block);
      }
    });
  // Two blocks per worker: one being checked, one waiting for it or for the blocks before it.
  std::vector<CheckedBlock> blocks(2 * threads + 1);
  std::vector<CheckedBlock*> free;
  for (CheckedBlock& b : blocks) free.push_back(&b);
  size_t handed = 0, taken = 0;
  bool reading = true, taking = true;
  for (;;) {
    while (reading && !free.empty()) {
      CheckedBlock* block = free.back();
      if (!input.next(block->input)) {
        reading = false;
        break;
      }
      free.pop_back();
      block->clear();
      queues.put(handed++, block);
    }
    if (taken == handed) break;
    CheckedBlock* block = queues.take(taken++);
    // Once the taker says stop, the blocks in flight are checked and dropped.
    if (taking && !take(*block)) taking = reading = false;
    free.push_back(block);
  }
  queues.close();
  for (std::thread& t : workers) t.join();
  return input.ok();
}

}  // namespace ssd::cli
