package weaklink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sim.engine.SimState;
import sim.engine.Steppable;
import org.junit.jupiter.api.Test;

/**
 * A run's schedule steps what MASON's {@link sim.engine.Schedule} steps, in the same order: the truth is MASON's own
 * schedule, driven through the same timetables (many steps on the same day and ordering, so that the heap's order of
 * equal keys and the shuffles decide; steps scheduled at the current time; days' ends at half days).
 */
class RunScheduleTest {
    /** One of the two schedules under test, as a timetable sees it. */
    private interface Clock {
        double time();
        void at(double time, int ordering, Steppable step);
        boolean step();
    }

    /**
     * A timetable: {@code starts} steps scheduled before the first step on days 0–29, two orderings; each step, when
     * stepped, logs its id and the time, and schedules 0–2 more (by a generator of its own id, so both schedules
     * make the same steps as long as they step the same ones): today (bumped past the current time), a later day,
     * or a half day.
     */
    private static List<String> timetable(Clock clock, long seed, int starts) {
        List<String> log = new ArrayList<>();
        int[] ids = {0};
        class Step implements Steppable {
            private static final long serialVersionUID = 1L;
            final int id = ids[0]++;
            @Override public void step(SimState state) {
                log.add(id + "@" + clock.time());
                SplittableRandom r = new SplittableRandom(seed * 1_000_003L + id);
                if (ids[0] > 1_500) return;
                for (int k = r.nextInt(3); k > 0; k--) {
                    double day = Math.floor(clock.time()) + r.nextInt(4) + (r.nextInt(5) == 0 ? 0.5 : 0);
                    clock.at(Math.max(day, clock.time()), r.nextInt(2), new Step());
                }
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < starts; k++) clock.at(r.nextInt(30), r.nextInt(2), new Step());
        while (clock.step()) {
            // the whole timetable
        }
        return log;
    }

    private static Clock mason(SimState state) {
        state.start();
        return new Clock() {
            public double time() { return state.schedule.getTime(); }
            public void at(double time, int ordering, Steppable step) { state.schedule.scheduleOnce(time, ordering, step); }
            public boolean step() { return state.schedule.step(state); }
        };
    }

    private static Clock run(SimState state) {
        boolean[] primed = {false};
        RunSchedule once = new RunSchedule(() -> {
            if (!primed[0]) SimState.primeGenerator(state.random);
            primed[0] = true;
            return state.random;
        });
        return new Clock() {
            public double time() { return once.time(); }
            public void at(double time, int ordering, Steppable step) { once.scheduleOnce(time, ordering, step); }
            public boolean step() { return once.step(state); }
        };
    }

    @Test
    void stepsWhatMasonsScheduleStepsInTheSameOrder() {
        int stepped = 0;
        for (long seed = 1; seed <= 40; seed++) {
            SimState masonState = new SimState(seed), runState = new SimState(seed);
            List<String> expected = timetable(mason(masonState), seed, 60);
            List<String> actual = timetable(run(runState), seed, 60);
            assertEquals(expected, actual, "seed " + seed);
            assertEquals(masonState.random.nextLong(), runState.random.nextLong(), "the shuffles drew the same numbers, seed " + seed);
            stepped += expected.size();
        }
        assertTrue(stepped > 40 * 60, "the timetables grew beyond their first steps");
    }

    @Test
    void aStepScheduledAtTheCurrentTimeComesAfterTheCurrentSteps() {
        SimState state = new SimState(3);
        RunSchedule schedule = new RunSchedule(() -> state.random);
        List<String> log = new ArrayList<>();
        schedule.scheduleOnce(5, 1, s -> {
            log.add("first@" + schedule.time());
            schedule.scheduleOnce(5, 0, t -> log.add("same time@" + schedule.time()));
        });
        schedule.scheduleOnce(5, 2, s -> log.add("second@" + schedule.time()));
        while (schedule.step(state)) {
            // both days
        }
        assertEquals(List.of("first@5.0", "second@5.0", "same time@" + Math.nextUp(5.0)), log);
    }
}
