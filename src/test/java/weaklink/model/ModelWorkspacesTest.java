package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A run's workspaces lend each kind of piece (a record's page pool, a model's reconnaissance marks, a day's
 * batch, a model's day arrays of pending compromises) from that run's own stock: the lending rule itself is {@link weaklink.io.Lender}'s (LenderTest).
 */
class ModelWorkspacesTest {
    @Test
    void eachKindOfPieceIsLentAndReusedWithinItsRunOnly() {
        lentWithinTheRunOnly(ModelWorkspaces::borrowPages, ModelWorkspaces::giveBack);
        lentWithinTheRunOnly(ModelWorkspaces::borrowMarks, ModelWorkspaces::giveBack);
        lentWithinTheRunOnly(ModelWorkspaces::borrowBatch, ModelWorkspaces::giveBack);
        lentWithinTheRunOnly(ModelWorkspaces::borrowDayArrays, ModelWorkspaces::giveBack);
    }

    private interface GiveBack<T> {
        void giveBack(ModelWorkspaces run, T piece);
    }

    private static <T> void lentWithinTheRunOnly(Function<ModelWorkspaces, T> borrow, GiveBack<T> giveBack) {
        ModelWorkspaces run = new ModelWorkspaces();
        T a = borrow.apply(run), b = borrow.apply(run);
        assertNotSame(a, b, "two pieces lent at once are two pieces");
        giveBack.giveBack(run, a);
        assertSame(a, borrow.apply(run), "the run's next borrower reuses what was given back");
        giveBack.giveBack(run, b);
        assertNotSame(b, borrow.apply(new ModelWorkspaces()), "another run never gets it");
        assertEquals(1, run.held().size(), "the run holds what was given back");
        assertTrue(run.held().contains(b), "the piece given back last is the one held");
    }
}
