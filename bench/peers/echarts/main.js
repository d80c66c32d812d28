// The peer: the same diagram (three circles, places at true distance and bearing) and one bar
// chart, built with tree-shaken ECharts and its SVG renderer. Measured beside our page.
import { init, use } from "echarts/core";
import { BarChart } from "echarts/charts";
import { GraphicComponent, GridComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import story from "../../../static/stories/capital-metro.json";

use([BarChart, GraphicComponent, GridComponent, SVGRenderer]);

const R = 6371.0088;
const rad = (d) => (d * Math.PI) / 180;
function kmFromLatLon(lat0, lon0, lat, lon) {
  const dPhi = rad(lat - lat0);
  const dLambda = rad(lon - lon0);
  const a = Math.sin(dPhi / 2) ** 2 + Math.cos(rad(lat0)) * Math.cos(rad(lat)) * Math.sin(dLambda / 2) ** 2;
  const d = 2 * R * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  const y = Math.sin(dLambda) * Math.cos(rad(lat));
  const x = Math.cos(rad(lat0)) * Math.sin(rad(lat)) - Math.sin(rad(lat0)) * Math.cos(rad(lat)) * Math.cos(dLambda);
  const b = Math.atan2(y, x);
  return [d * Math.sin(b), d * Math.cos(b), d];
}

const SIZE = 640;
const pxPerKm = SIZE / 2 / 172;
const fills = { commuting: "#fed7aa", functional: "#bfdbfe", industrial: "#d1fae5" };
const panel = document.getElementById("panel");
const diagram = init(document.getElementById("diagram"), null, { renderer: "svg", width: SIZE, height: SIZE });
const bars = init(document.getElementById("chart"), null, { renderer: "svg", width: 320, height: 120 });

function select(id) {
  panel.dataset.view = id;
  const circle = story.circles.find((c) => c.id === id);
  panel.querySelector("h2").textContent = circle ? circle.name.zh : story.ui.overview.zh;
  const chart = story.charts.find((c) => c.section === id) ?? story.charts[0];
  bars.setOption({
    grid: { left: 90, right: 60, top: 4, bottom: 4 },
    xAxis: { type: "value", show: false },
    yAxis: { type: "category", data: chart.bars.map((b) => b.label.zh) },
    series: [{ type: "bar", data: chart.bars.map((b) => parseFloat(b.value)), label: { show: true, position: "right" } }],
  });
}

const [cx, cy] = [SIZE / 2, SIZE / 2];
const elements = [...story.circles].reverse().map((c) => ({
  type: "circle",
  shape: { cx, cy, r: c.radius_km * pxPerKm },
  style: { fill: fills[c.id], stroke: "#6b7280" },
  onclick: () => select(c.id),
}));
for (const p of story.places) {
  const [x, y, d] = kmFromLatLon(story.centre.lat, story.centre.lon, p.lat, p.lon);
  if (d > 170) continue;
  elements.push({ type: "circle", silent: true, shape: { cx: cx + x * pxPerKm, cy: cy - y * pxPerKm, r: 5 }, style: { fill: "#c2410c" } });
  elements.push({ type: "text", silent: true, x: cx + x * pxPerKm + 8, y: cy - y * pxPerKm - 7, style: { text: p.name.zh, fontSize: 14, fill: "#1f2937" } });
}
diagram.setOption({ graphic: { elements } });
select("overview");
document.documentElement.dataset.ready = "1";
