/*
 * FluentDL report charts: draws every div.echart of the page with Apache ECharts (inlined before this
 * script) from the option JSON in the script element '<id>-option'. Options are plain data written by
 * the report builder; the few functions they need are named by key and supplied here:
 *   tooltip.formatter 'band'  - axis tooltip: per mean line (series id '.../mean'), mean and min-max band
 *   tooltip.formatter 'lines' - axis tooltip: per line, its value
 *   tooltip.formatter 'tip'   - item tooltip: the lines of the data item's 'tip' array
 *   series.errorBars (custom series) - a whisker from value[1] to value[2], shifted by errorBars pixels
 *   series.band (custom series) - a filled band segment: value [x0, low0, high0, x1, low1, high1]
 */
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    console.error('FluentDL report: ECharts did not load, so the charts cannot be drawn.');
    return;
  }
  var escape = echarts.format.encodeHTML;

  /** Four decimals in [0.001, 1e5), else three significant digits in scientific notation. */
  function number(v) {
    if (v === null || v === undefined || typeof v !== 'number' || isNaN(v)) { return '\u2013'; }
    var a = Math.abs(v);
    return a === 0 || (a >= 1e-3 && a < 1e5) ? v.toFixed(4) : v.toExponential(2);
  }

  function axisHeader(params, option) {
    var x = params.length ? params[0].axisValue : '';
    var axis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
    var name = axis && axis.name ? axis.name : '';
    var shown = typeof x === 'number' ? (name === 'epoch' && Math.round(x) === x ? String(x) : number(x)) : escape(String(x));
    return '<b>' + escape(name) + ' ' + shown + '</b>';
  }

  var formatters = {
    band: function (option) {
      return function (params) {
        var rows = [axisHeader(params, option)];
        params.forEach(function (p) {
          if (!/\/mean$/.test(p.seriesId)) { return; }
          rows.push(p.marker + escape(p.seriesName) + ': ' + number(p.value[1])
              + ' <span style="color:#656d76">(' + number(p.value[2]) + '\u2013' + number(p.value[3]) + ')</span>');
        });
        return rows.join('<br>');
      };
    },
    lines: function (option) {
      return function (params) {
        var rows = [axisHeader(params, option)];
        params.forEach(function (p) {
          rows.push(p.marker + escape(p.seriesName) + ': ' + number(Array.isArray(p.value) ? p.value[1] : p.value));
        });
        return rows.join('<br>');
      };
    },
    tip: function () {
      return function (p) {
        var lines = p.data && p.data.tip ? p.data.tip : [p.name];
        return p.marker + lines.map(function (line) { return escape(String(line)); }).join('<br>');
      };
    }
  };

  function errorBars(offset) {
    return function (params, api) {
      var low = api.coord([api.value(0), api.value(1)]);
      var high = api.coord([api.value(0), api.value(2)]);
      var x = low[0] + offset;
      var style = { stroke: api.visual('color'), lineWidth: 1.2 };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: x, y1: low[1], x2: x, y2: high[1] }, style: style },
          { type: 'line', shape: { x1: x - 3, y1: low[1], x2: x + 3, y2: low[1] }, style: style },
          { type: 'line', shape: { x1: x - 3, y1: high[1], x2: x + 3, y2: high[1] }, style: style }
        ]
      };
    };
  }

  function bandSegment(params, api) {
    var points = [api.coord([api.value(0), api.value(1)]), api.coord([api.value(0), api.value(2)]),
      api.coord([api.value(3), api.value(5)]), api.coord([api.value(3), api.value(4)])];
    return { type: 'polygon', shape: { points: points }, style: { fill: api.visual('color'), opacity: 0.18 } };
  }

  function prepare(option) {
    if (option.tooltip && typeof option.tooltip.formatter === 'string') {
      var make = formatters[option.tooltip.formatter];
      if (make) { option.tooltip.formatter = make(option); }
    }
    (option.series || []).forEach(function (s) {
      if (s.type === 'custom' && typeof s.errorBars === 'number') { s.renderItem = errorBars(s.errorBars); }
      if (s.type === 'custom' && s.band === true) { s.renderItem = bandSegment; }
    });
    return option;
  }

  var charts = [];
  document.querySelectorAll('div.echart').forEach(function (el) {
    var source = document.getElementById(el.id + '-option');
    try {
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(prepare(JSON.parse(source.textContent)));
      charts.push(chart);
    } catch (e) {
      console.error('FluentDL report: chart ' + el.id + ' could not be drawn: ' + e);
    }
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
