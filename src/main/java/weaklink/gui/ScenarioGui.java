package weaklink.gui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.swing.JFrame;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.network.NetworkPortrayal2D;
import sim.portrayal.network.SimpleEdgePortrayal2D;
import sim.portrayal.network.SpatialNetwork2D;
import weaklink.economics.LossModel;
import weaklink.economics.policy.CostSharingPolicy;
import weaklink.economics.policy.SecurityFunding;
import weaklink.model.ReplicateModel;
import weaklink.model.ReplicateRecord;
import weaklink.experiment.RunContext;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.BadInputException;
import weaklink.scenario.InitialCompromise;
import weaklink.scenario.PolicySpec;
import weaklink.scenario.Scenario;

/**
 * The MASON GUI of one scenario: a {@link GUIState} around the replicate model, with a network
 * display (firms by tier, coloured by state, sized by revenue; supply links; attack routes), a live
 * chart of compromised and down firms, and the policy and replicate to watch in the console's
 * Model tab.
 *
 * <p>Each start builds a fresh {@link ReplicateModel} for the chosen policy and replicate, on the
 * same random streams as a batch run, so the GUI shows exactly replicate N of {@code run} with the
 * same seed. The model ends each day with a step at {@code t + 0.5} (so the console's step button
 * moves half a day: the day's attacks, then its end); after each step a watcher brings the display
 * and chart to the day the model last ended, reading its per-firm status. The GUI adds nothing to
 * the model's schedule, so it cannot change the replicate.
 */
public final class ScenarioGui extends GUIState implements FirmNode.Context {
    /** Networks with more firms than this are drawn as their affected neighbourhood. */
    public static final int DEFAULT_DISPLAY_LIMIT = 3000;
    static final Color SUPPLY_LINK = new Color(222, 222, 222);
    static final Color ATTACK_ROUTE = new Color(204, 121, 167);

    private final Scenario scenario;
    private final RunContext context;
    private final SupplyNetwork net;
    private final List<PolicySpec> policies;
    private final CostSharingPolicy[] behaviours;
    private final SecurityFunding[] funding;
    private final int[] seeds;
    private final TierLayout layout;
    private final FirmStates states;
    private final NetworkView view;
    private final OutbreakChart chart;
    private final RunSettings settings;
    private final ContinuousPortrayal2D firmPortrayal = new ContinuousPortrayal2D();
    private final NetworkPortrayal2D supplyPortrayal = new NetworkPortrayal2D();
    private final NetworkPortrayal2D routePortrayal = new NetworkPortrayal2D();
    private final TierLabels bands;
    private final TierLabels labels;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile SecurityFunding current;
    private volatile ReplicateModel model;
    private int routeCursor;
    private Display2D display;
    private JFrame displayFrame;

    private ScenarioGui(Setup s, int displayLimit) {
        super(s.firstModel);
        this.scenario = s.context.scenario();
        this.context = s.context;
        this.net = s.context.network();
        this.policies = s.policies;
        this.behaviours = s.behaviours;
        this.funding = s.funding;
        this.current = s.funding[s.policy];
        this.model = s.firstModel;
        this.seeds = seedFirms(scenario, net);
        this.layout = new TierLayout(net);
        this.states = new FirmStates(net);
        this.view = new NetworkView(net, layout, this, displayLimit);
        this.chart = new OutbreakChart("Firms compromised and down: " + scenario.name(), scenario.days());
        this.settings = new RunSettings(scenario.name(), net.firmCount(), policies.stream().map(PolicySpec::name).toList(), s.policy, s.replicate);
        this.bands = new TierLabels(states, layout, view, this::caption, false);
        this.labels = new TierLabels(states, layout, view, this::caption, true);
        view.reset(seeds);
    }

    private record Setup(RunContext context, List<PolicySpec> policies, CostSharingPolicy[] behaviours,
                         SecurityFunding[] funding, int policy, int replicate, ReplicateModel firstModel) {}

    /**
     * The GUI of a scenario: builds its network (as {@code run} does for this seed) and checks
     * every policy can run, so bad input is refused before any window opens.
     *
     * @param policy        index into the scenario's policies of the one shown first
     * @param replicate     the replicate shown first
     * @param displayLimit  most firms drawn; larger networks show their affected neighbourhood
     */
    public static ScenarioGui open(Scenario scenario, long seed, int policy, int replicate, int displayLimit) throws BadInputException {
        RunContext context = RunContext.of(scenario, seed);
        SupplyNetwork net = context.network();
        List<PolicySpec> policies = scenario.policies();
        CostSharingPolicy[] behaviours = new CostSharingPolicy[policies.size()];
        for (int p = 0; p < behaviours.length; p++) behaviours[p] = CostSharingPolicy.of(policies.get(p));
        SecurityFunding[] funding = new SecurityFunding[policies.size()];
        funding[policy] = context.policyContext().fund(behaviours[policy]);
        ReplicateModel first = context.model(funding[policy].posture(), context.streams(replicate));
        return new ScenarioGui(new Setup(context, policies, behaviours, funding, policy, replicate, first), displayLimit);
    }

    private static int[] seedFirms(Scenario scenario, SupplyNetwork net) {
        List<Integer> out = new ArrayList<>();
        for (InitialCompromise ic : scenario.initialCompromises()) {
            int f = net.indexOf(ic.firmId());
            if (f >= 0) out.add(f);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public static String getName() { return "WeakLink"; }

    public static Object getInfo() {
        return "<html><h2>WeakLink</h2><p>Cyber attacks entering a supply network through its suppliers and spreading over IT-trust links.</p>"
                + "<p>Firms are drawn by tier (tier 0, the large buyers, at the top), sized by revenue and coloured by state: "
                + "<b>grey-blue</b> healthy, <b>orange</b> compromised (attacker inside, undetected), <b>black</b> down (ransomware outage), "
                + "<b>green</b> recovered. Pink lines are the trust links an attack moved over; grey lines are supply links.</p>"
                + "<p>Choose the policy and replicate in the Model tab, then press play. Double-click a firm to inspect it.</p></html>";
    }

    @Override
    public Object getSimulationInspectedObject() { return settings; }

    @Override
    public void start() {
        int p = settings.getPolicy();
        current = funding(p);
        model = context.model(current.posture(), context.streams(settings.getReplicate()));
        state = model;
        super.start();
        states.reset();
        view.reset(seeds);
        routeCursor = 0;
        chart.clear();
        // after each step of the schedule, as MASON's displays are: catch up when the model has ended a day
        scheduleRepeatingImmediatelyAfter(new DayWatcher(this));
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    /** The policy's funding, computed on first use (it is a pass over every firm). */
    private SecurityFunding funding(int p) {
        synchronized (funding) {
            if (funding[p] == null) funding[p] = context.policyContext().fund(behaviours[p]);
            return funding[p];
        }
    }

    /** Brings states, display and chart to the day the model last ended; called on the model thread. */
    void showDay() {
        states.update(model);
        int day = states.day();
        ReplicateRecord r = model.record();
        for (; routeCursor < r.size() && r.day(routeCursor) <= day; routeCursor++) {
            int f = r.firm(routeCursor);
            view.showWithNeighbours(f);
            view.addRoute(r.source(routeCursor), f);
        }
        chart.add(day, states.compromised(), states.down());
    }

    private String caption() {
        int day = states.day();
        return (day < 0 ? "before day 0" : "end of day " + day) + "  ·  policy " + settings.policyName() + "  ·  replicate " + settings.getReplicate();
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        firmPortrayal.setField(view.firms);
        firmPortrayal.setPortrayalForAll(new FirmPortrayal(states, layout));
        supplyPortrayal.setField(new SpatialNetwork2D(view.firms, view.supplyLinks));
        supplyPortrayal.setPortrayalForAll(new LinkPortrayal(SUPPLY_LINK));
        routePortrayal.setField(new SpatialNetwork2D(view.firms, view.routes));
        SimpleEdgePortrayal2D route = new LinkPortrayal(ATTACK_ROUTE);
        route.setShape(SimpleEdgePortrayal2D.SHAPE_LINE_ROUND_ENDS);
        route.setBaseWidth(1.5);
        routePortrayal.setPortrayalForAll(route);

        display = new Display2D(layout.width(), layout.height(), this);
        display.setBackdrop(Color.WHITE);
        display.attach(bands, "Tier bands");
        display.attach(supplyPortrayal, "Supply links");
        display.attach(routePortrayal, "Attack routes");
        display.attach(firmPortrayal, "Firms");
        display.attach(labels, "Tier counts");
        // MASON's movie maker needs the Java Media Framework, which the build leaves out
        display.movieButton.setVisible(false);
        displayFrame = display.createFrame();
        displayFrame.setTitle("WeakLink: " + scenario.name() + " (" + String.format("%,d", net.firmCount()) + " firms)");
        java.awt.Rectangle screen = displayFrame.getGraphicsConfiguration().getBounds();
        // room for the whole picture plus the display's tool bar and scroll bars, within the screen beside the console
        displayFrame.setSize((int) Math.min(layout.width() + 40, screen.width - 420), (int) Math.min(layout.height() + 100, screen.height - 360));
        c.registerFrame(displayFrame);
        displayFrame.setVisible(true);
        JFrame chartFrame = chart.frame();
        chartFrame.setLocation(displayFrame.getX(), displayFrame.getY() + displayFrame.getHeight());
        c.registerFrame(chartFrame);
        chartFrame.setVisible(true);
    }

    @Override
    public void quit() {
        super.quit();
        if (displayFrame != null) displayFrame.dispose();
        chart.frame().dispose();
        if (display != null) display.quit();
        closed.countDown();
    }

    /** Blocks until the console is closed. */
    public void awaitClose() throws InterruptedException { closed.await(); }

    // ---- FirmNode.Context ----
    @Override public Scenario scenario() { return scenario; }
    @Override public SupplyNetwork network() { return net; }
    @Override public SecurityFunding funding() { return current; }
    @Override public ReplicateRecord record() { return model.record(); }
    @Override public FirmStates states() { return states; }
    @Override public LossModel lossModel() { return context.lossModel(); }

    // ---- for tests ----
    Display2D display() { return display; }
    OutbreakChart chart() { return chart; }
    NetworkView view() { return view; }
    TierLayout layout() { return layout; }
    ContinuousPortrayal2D firmPortrayal() { return firmPortrayal; }
    RunSettings settings() { return settings; }
    ReplicateModel model() { return model; }

    /** A link drawn as a line that clicks pass through, so double-clicking a firm inspects the firm, not the links under it. */
    static final class LinkPortrayal extends SimpleEdgePortrayal2D {
        private static final long serialVersionUID = 1L;

        LinkPortrayal(Color color) { super(color, color); }

        @Override
        public boolean hitObject(Object object, sim.portrayal.DrawInfo2D range) { return false; }
    }

    /** Shows each day once the model has ended it. */
    static final class DayWatcher implements Steppable {
        private static final long serialVersionUID = 1L;
        private final transient ScenarioGui gui;

        DayWatcher(ScenarioGui gui) { this.gui = gui; }

        @Override
        public void step(SimState simState) {
            if (gui.model.statusDay() > gui.states.day()) gui.showDay();
        }
    }
}
