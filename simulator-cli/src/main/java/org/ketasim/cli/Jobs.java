package org.ketasim.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work run on a thread pool, its exceptions thrown as if it had run on the caller's thread. */
final class Jobs {
    private Jobs() {
    }

    /**
     * @param job a submitted job
     * @param <T> its result type
     * @return its result
     * @throws RuntimeException     what the job threw (an input error keeps its type and exit code)
     * @throws InterruptedException if the caller was interrupted while waiting
     */
    static <T> T result(Future<T> job) throws InterruptedException {
        try {
            return job.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
