package weaklink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The ORD export beside the charts and report: both done before the summaries end, failures as when they ran in turn. */
class ResultsFinalizerBesidesTest {
    @Test
    void bothStepsHaveFinishedWhenItReturns() throws IOException {
        AtomicBoolean sideDone = new AtomicBoolean(), mainDone = new AtomicBoolean();
        CountDownLatch mainStarted = new CountDownLatch(1);
        ResultsFinalizer.besides(() -> {
            await(mainStarted); // at the same time: the side waits for the main step
            sideDone.set(true);
        }, () -> {
            mainStarted.countDown();
            mainDone.set(true);
        }, 2);
        assertTrue(sideDone.get());
        assertTrue(mainDone.get());
    }

    @Test
    void theExportsFailureIsThrownAfterTheReportIsWritten() {
        IOException broken = new IOException("ord: disk full");
        AtomicBoolean mainDone = new AtomicBoolean();
        IOException thrown = assertThrows(IOException.class, () -> ResultsFinalizer.besides(() -> {
            throw broken;
        }, () -> mainDone.set(true), 2));
        assertSame(broken, thrown);
        assertTrue(mainDone.get());
    }

    @Test
    void whenBothFailTheExportsFailureIsThrownWithTheReportsSuppressed() {
        IOException ord = new IOException("ord"), report = new IOException("report");
        IOException thrown = assertThrows(IOException.class, () -> ResultsFinalizer.besides(() -> {
            throw ord;
        }, () -> {
            throw report;
        }, 2));
        assertSame(ord, thrown);
        assertArrayEquals(new Throwable[] {report}, thrown.getSuppressed());
    }

    @Test
    void theReportsFailureIsThrownOnceTheExportHasFinished() {
        AtomicBoolean sideDone = new AtomicBoolean();
        IllegalStateException broken = new IllegalStateException("chart");
        CountDownLatch mainFailed = new CountDownLatch(1);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ResultsFinalizer.besides(() -> {
            await(mainFailed);
            sideDone.set(true);
        }, () -> {
            mainFailed.countDown();
            throw broken;
        }, 2));
        assertSame(broken, thrown);
        assertTrue(sideDone.get());
    }

    @Test
    void anOutOfMemoryErrorOfTheExportReachesTheCaller() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertEquals(oom, assertThrows(OutOfMemoryError.class, () -> ResultsFinalizer.besides(() -> {
            throw oom;
        }, () -> {}, 2)));
    }

    @Test
    void onOneThreadTheExportRunsFirstOnTheCallersThread() throws IOException {
        Thread caller = Thread.currentThread();
        java.util.List<String> order = new java.util.ArrayList<>();
        ResultsFinalizer.besides(() -> order.add(Thread.currentThread() == caller ? "export here" : "export elsewhere"),
                () -> order.add(Thread.currentThread() == caller ? "report here" : "report elsewhere"), 1);
        assertEquals(java.util.List.of("export here", "report here"), order);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the other step never started");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
