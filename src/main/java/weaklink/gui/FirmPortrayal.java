package weaklink.gui;

import java.awt.Graphics2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.simple.OvalPortrayal2D;

/**
 * Draws a firm as a disc coloured by its {@link weaklink.model.FirmStatus} on the day shown and sized by revenue
 * ({@link TierLayout#diameter}). One instance draws every firm; MASON draws under the schedule's
 * lock, so the model never changes the states mid-picture.
 */
final class FirmPortrayal extends OvalPortrayal2D {
    private static final long serialVersionUID = 1L;
    private final transient FirmStates states;
    private final transient TierLayout layout;

    FirmPortrayal(FirmStates states, TierLayout layout) {
        super(StatusColours.of(weaklink.model.FirmStatus.HEALTHY), 1.0, true);
        this.states = states;
        this.layout = layout;
    }

    @Override
    public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
        int firm = ((FirmNode) object).index();
        paint = StatusColours.of(states.state(firm));
        scale = layout.diameter(firm);
        super.draw(object, graphics, info);
    }

    @Override
    public boolean hitObject(Object object, DrawInfo2D range) {
        scale = layout.diameter(((FirmNode) object).index());
        return super.hitObject(object, range);
    }
}
