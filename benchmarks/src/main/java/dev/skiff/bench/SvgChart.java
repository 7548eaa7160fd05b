package dev.skiff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's chart, written as SVG by hand: latency (p50 bars with a p99 whisker, log scale) and
 * throughput (calls/s over calls in flight) for each pinning, and codec operations per second.
 */
final class SvgChart {
  private static final int WIDTH = 1000;
  private static final int PANEL = 480;
  private static final int LABEL = 110;
  private static final String[] SERIES = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2"};

  private final Summary s;
  private final Machine machine;
  private final StringBuilder svg = new StringBuilder();
  private int y;

  SvgChart(Summary summary, Machine machine) {
    this.s = summary;
    this.machine = machine;
  }

  String render() {
    y = 20;
    text(10, y, 16, "bold", "Skiff vs gRPC-java vs libthrift, one run (medians of its repeats)");
    y += 18;
    text(10, y, 11, "normal", machine.oneLine());
    y += 20;
    List<String> pinnings = new ArrayList<>(s.pinnings("latency"));
    if (!pinnings.isEmpty()) {
      int top = y;
      int bottom = y;
      for (int i = 0; i < pinnings.size(); i++) {
        y = top;
        latency(pinnings.get(i), 10 + (i % 2) * (PANEL + 20));
        bottom = Math.max(bottom, y);
        if (i % 2 == 1) {
          top = bottom;
        }
      }
      y = bottom + 10;
    }
    List<String> tput = new ArrayList<>(s.pinnings("throughput"));
    if (!tput.isEmpty()) {
      int top = y;
      for (int i = 0; i < tput.size(); i++) {
        y = top + (i / 2) * 290;
        throughput(tput.get(i), 10 + (i % 2) * (PANEL + 20));
      }
      y = top + ((tput.size() + 1) / 2) * 290 + 10;
    }
    if (!s.peers("codec", "-").isEmpty()) {
      codec();
    }
    String header =
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
            WIDTH,
            y + 10,
            WIDTH,
            y + 10);
    return header + svg + "</svg>\n";
  }

  private void latency(String pinning, int x0) {
    List<String> peers = new ArrayList<>(s.peers("latency", pinning));
    List<String> sizes = new ArrayList<>(s.params("latency", pinning, null));
    double max = 1;
    double min = 1e9;
    for (String peer : peers) {
      for (String size : sizes) {
        double p99 = s.median("latency", pinning, peer, size, Result::p99Micros);
        double p50 = s.median("latency", pinning, peer, size, Result::p50Micros);
        if (!Double.isNaN(p99)) {
          max = Math.max(max, p99);
        }
        if (!Double.isNaN(p50)) {
          min = Math.min(min, p50);
        }
      }
    }
    double lo = Math.pow(10, Math.floor(Math.log10(Math.max(min, 0.01))));
    double hi = Math.pow(10, Math.ceil(Math.log10(max)));
    text(x0, y, 13, "bold", "Round trip, " + pinning + " (us, log scale; bar p50, line to p99)");
    y += 8;
    int plot = PANEL - LABEL - 10;
    int bar = 7;
    int rowHeight = sizes.size() * (bar + 1) + 8;
    int top = y;
    int height = peers.size() * rowHeight;
    for (double tick = lo; tick <= hi * 1.001; tick *= 10) {
      double tx = x0 + LABEL + plot * Math.log10(tick / lo) / Math.log10(hi / lo);
      line(tx, top, tx, top + height, "#dddddd");
      text(tx - 8, top + height + 12, 10, "normal", tickLabel(tick));
    }
    for (int p = 0; p < peers.size(); p++) {
      double rowTop = top + p * rowHeight + 4;
      text(x0, rowTop + rowHeight / 2.0, 11, "normal", peers.get(p));
      for (int i = 0; i < sizes.size(); i++) {
        double p50 = s.median("latency", pinning, peers.get(p), sizes.get(i), Result::p50Micros);
        double p99 = s.median("latency", pinning, peers.get(p), sizes.get(i), Result::p99Micros);
        if (Double.isNaN(p50)) {
          continue;
        }
        double by = rowTop + i * (bar + 1);
        double w50 = plot * Math.log10(Math.max(p50, lo) / lo) / Math.log10(hi / lo);
        double w99 = plot * Math.log10(Math.max(p99, lo) / lo) / Math.log10(hi / lo);
        rect(x0 + LABEL, by, Math.max(w50, 1), bar, SERIES[i % SERIES.length]);
        line(x0 + LABEL + w50, by + bar / 2.0, x0 + LABEL + w99, by + bar / 2.0, "#333333");
      }
    }
    y = top + height + 26;
    for (int i = 0; i < sizes.size(); i++) {
      rect(x0 + LABEL + i * 80, y - 9, 10, 10, SERIES[i % SERIES.length]);
      text(x0 + LABEL + 14 + i * 80, y, 10, "normal", Report.size(sizes.get(i)));
    }
    y += 14;
  }

  private void throughput(String pinning, int x0) {
    List<String> peers = new ArrayList<>(s.peers("throughput", pinning));
    List<String> ns = new ArrayList<>();
    for (String peer : peers) {
      for (String n : s.params("throughput", pinning, peer)) {
        if (!ns.contains(n)) {
          ns.add(n);
        }
      }
    }
    ns.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    double max = 1;
    for (String peer : peers) {
      max = Math.max(max, s.peak("throughput", pinning, peer, Result::perSecond));
    }
    text(x0, y, 13, "bold", "Calls/s, " + pinning + " (N in flight; libthrift: N threads)");
    int top = y + 10;
    int height = 200;
    int left = x0 + 60;
    int plot = PANEL - 80;
    for (int t = 0; t <= 4; t++) {
      double ty = top + height - height * t / 4.0;
      line(left, ty, left + plot, ty, "#dddddd");
      text(x0, ty + 4, 10, "normal", String.format(Locale.ROOT, "%,.0f", max * t / 4));
    }
    for (int i = 0; i < ns.size(); i++) {
      double tx = left + plot * (ns.size() == 1 ? 0.5 : i / (ns.size() - 1.0));
      text(tx - 6, top + height + 14, 10, "normal", ns.get(i));
    }
    for (int p = 0; p < peers.size(); p++) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < ns.size(); i++) {
        double v = s.median("throughput", pinning, peers.get(p), ns.get(i), Result::perSecond);
        if (Double.isNaN(v)) {
          continue;
        }
        double tx = left + plot * (ns.size() == 1 ? 0.5 : i / (ns.size() - 1.0));
        double ty = top + height - height * v / max;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", tx, ty));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                tx,
                ty,
                SERIES[p % SERIES.length]));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              points.toString().trim(),
              SERIES[p % SERIES.length]));
      rect(left + p * 130, top + height + 24, 10, 10, SERIES[p % SERIES.length]);
      text(left + 14 + p * 130, top + height + 33, 10, "normal", peers.get(p));
    }
  }

  private void codec() {
    List<String> codecs = new ArrayList<>(s.peers("codec", "-"));
    double max = 1;
    for (String codec : codecs) {
      max = Math.max(max, s.peak("codec", "-", codec, Result::perSecond));
    }
    text(10, y, 13, "bold", "Codec, JMH: Order encode and decode (ops/s)");
    y += 10;
    int plot = WIDTH - LABEL - 120;
    String[] ops = {"encode", "decode"};
    for (String codec : codecs) {
      text(10, y + 14, 11, "normal", codec);
      for (int i = 0; i < ops.length; i++) {
        double v = s.median("codec", "-", codec, ops[i], Result::perSecond);
        if (Double.isNaN(v)) {
          continue;
        }
        double w = plot * v / max;
        rect(10 + LABEL, y + i * 10, Math.max(w, 1), 9, SERIES[i]);
        text(
            14 + LABEL + w,
            y + i * 10 + 8,
            9,
            "normal",
            String.format(Locale.ROOT, "%s %,.0f", ops[i], v));
      }
      y += 26;
    }
    y += 4;
  }

  private void text(double x, double ty, int size, String weight, String content) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n",
            x,
            ty,
            size,
            weight,
            escape(content)));
  }

  private void rect(double x, double ry, double w, double h, String fill) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
            x,
            ry,
            w,
            h,
            fill));
  }

  private void line(double x1, double y1, double x2, double y2, String stroke) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            x1,
            y1,
            x2,
            y2,
            stroke));
  }

  private static String tickLabel(double micros) {
    if (micros >= 1000) {
      return String.format(Locale.ROOT, "%.0fk", micros / 1000);
    }
    return micros >= 1 ? String.format(Locale.ROOT, "%.0f", micros) : Double.toString(micros);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
