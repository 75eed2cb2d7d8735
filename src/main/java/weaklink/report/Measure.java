package weaklink.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * What a chart axis measures: its label (with the unit) and how its tick labels are written.
 * Money is written short, with the currency's symbol and a K/M/B/T suffix ({@code ¥1.25B}), so
 * a reader sees the order of magnitude at a glance.
 *
 * @param label the axis label, unit included, e.g. {@code "Mean annual loss (JPY)"}
 * @param format writes one value; a fresh instance per chart (NumberFormat is not thread-safe)
 */
public record Measure(String label, NumberFormat format) {

    /** Money in {@code currency} (an ISO code such as JPY); the label gets the code appended. */
    public static Measure money(String label, String currency) {
        return new Measure(label + " (" + currency + ")", new ShortMoney(currency));
    }

    /**
     * Money as the report and the console write it: always three significant digits with a K/M/B/T
     * suffix ({@code ¥6.36B}, {@code ¥154M}, {@code ¥72.0M}, {@code -¥2.90B}), so amounts side by side have
     * one precision. Axis ticks use {@link #money} instead, which drops trailing zeros.
     */
    public static Measure moneyText(String currency) {
        return new Measure(currency, new ShortMoney(currency, 3, true));
    }

    /** A count of firms, days or events: whole numbers with thousands separators. */
    public static Measure count(String label) {
        DecimalFormat f = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return new Measure(label, f);
    }

    /** A share or probability in [0, 1], written as a percentage. */
    public static Measure share(String label) {
        DecimalFormat f = new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return new Measure(label, f);
    }

    /** Any other number, up to four decimals. */
    public static Measure number(String label) {
        return new Measure(label, new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }

    /** {@code value} as this measure writes it. */
    public String write(double value) {
        return format.format(value);
    }

    /** The symbol written before money amounts: ¥ for JPY, $ for USD, otherwise the code and a space. */
    static String currencySymbol(String currency) {
        return switch (currency) {
            case "JPY" -> "¥";
            case "USD" -> "$";
            default -> currency + " ";
        };
    }

    /**
     * Money as {@code ¥950}, {@code ¥12.5K}, {@code ¥1.25B}, {@code ¥840.4M}, {@code -¥3T}: the
     * largest of K = 10³, M = 10⁶, B = 10⁹, T = 10¹² not above the amount, four significant
     * digits, trailing zeros dropped. Locale-independent, so charts are the same on every machine.
     */
    static final class ShortMoney extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private static final String[] SUFFIX = {"", "K", "M", "B", "T"};
        private final String symbol;
        private final int significant;
        private final boolean keepZeros;

        ShortMoney(String currency) {
            this(currency, 4, false);
        }

        ShortMoney(String currency, int significant, boolean keepZeros) {
            this.symbol = currencySymbol(currency);
            this.significant = significant;
            this.keepZeros = keepZeros;
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            if (Double.isNaN(number)) return out.append('–');
            if (Double.isInfinite(number)) return out.append(number > 0 ? "∞" : "-∞");
            BigDecimal abs = new BigDecimal(Math.abs(number)).round(new MathContext(significant, RoundingMode.HALF_EVEN));
            if (abs.signum() == 0) return out.append(symbol).append('0');
            int k = 0;
            // After rounding, so 999,999.9 is written 1M, not 1000K.
            while (k < SUFFIX.length - 1 && abs.compareTo(BigDecimal.TEN.pow(3 * (k + 1))) >= 0) k++;
            BigDecimal scaled = abs.movePointLeft(3 * k);
            scaled = keepZeros ? scaled.round(new MathContext(significant, RoundingMode.HALF_EVEN)) : scaled.stripTrailingZeros();
            if (keepZeros && scaled.scale() < 0) scaled = scaled.setScale(0);
            if (number < 0) out.append('-');
            return out.append(symbol).append(scaled.toPlainString()).append(SUFFIX[k]);
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("ShortMoney only writes");
        }

    }
}
