// Nothing runs on its own: the test evaluates chrome.runtime.sendMessage(<LiqGuard's id>, …) in this worker.
self.foreign = true;
