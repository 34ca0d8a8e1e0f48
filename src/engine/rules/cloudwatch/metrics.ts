import type { Knowledge } from '../../knowledge';
import type { TemplateModel, Resource } from '../../model/template';
import { v2ApiOf, v2KindOf } from '../../model/apigw-links';
import { get, isMap, isSeq, type Node, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Path } from '../../types';

/** One metric an alarm watches: the top-level form or one `Metrics[].MetricStat.Metric`. */
export interface AlarmMetric {
  alarm: Resource;
  namespace?: string;
  nameNode?: Node;
  namePath: Path;
  namespacePath: Path;
  dimensions?: Node;
}

export function alarmMetrics(model: TemplateModel): AlarmMetric[] {
  const out: AlarmMetric[] = [];
  for (const alarm of model.ofType('AWS::CloudWatch::Alarm')) {
    const props = alarm.properties;
    const base = [...alarm.path, 'Properties'];
    if (get(props, 'MetricName') !== undefined || get(props, 'Namespace') !== undefined) {
      out.push({
        alarm, namespace: single(get(props, 'Namespace'), model), nameNode: get(props, 'MetricName'),
        namePath: [...base, 'MetricName'], namespacePath: [...base, 'Namespace'], dimensions: get(props, 'Dimensions'),
      });
    }
    const metrics = get(props, 'Metrics');
    if (!isSeq(metrics)) continue;
    metrics.items.forEach((item, index) => {
      const metric = get(get(item, 'MetricStat'), 'Metric');
      if (!isMap(metric)) return;
      const path = [...base, 'Metrics', index, 'MetricStat', 'Metric'];
      out.push({
        alarm, namespace: single(get(metric, 'Namespace'), model), nameNode: get(metric, 'MetricName'),
        namePath: [...path, 'MetricName'], namespacePath: [...path, 'Namespace'], dimensions: get(metric, 'Dimensions'),
      });
    });
  }
  return out;
}

function single(node: Node | undefined, model: TemplateModel): string | undefined {
  const c = candidates(node, model);
  return c && c.values.length === 1 && typeof c.values[0] === 'string' ? c.values[0] : undefined;
}

/** Built once per knowledge base: the notes do not change while the engine runs. */
const catalogs = new WeakMap<Knowledge, Map<string, Set<string>>>();

/**
 * The metric catalog: every note's `values.cloudwatchMetrics` (namespace → names), merged. A
 * namespace no note lists is not in the catalog, and CW001 says nothing about it.
 */
export function metricCatalog(knowledge: Knowledge): Map<string, Set<string>> {
  const cached = catalogs.get(knowledge);
  if (cached) return cached;
  const out = new Map<string, Set<string>>();
  catalogs.set(knowledge, out);
  for (const entry of knowledge.entries) {
    const values = entry.values as Record<string, unknown> | undefined;
    const catalog = values?.cloudwatchMetrics;
    if (!catalog || typeof catalog !== 'object') continue;
    for (const [namespace, names] of Object.entries(catalog as Record<string, unknown>)) {
      if (!Array.isArray(names)) continue;
      const set = out.get(namespace) ?? new Set<string>();
      for (const name of names) set.add(String(name));
      out.set(namespace, set);
    }
  }
  return out;
}

export type ApiGatewayKind = 'rest' | 'http' | 'websocket';

/**
 * Which API Gateway metrics apply to an alarm, from its dimensions: `ApiName` → REST; `ApiId` →
 * the referenced API's protocol (HTTP or WebSocket), or both when unknown. Undefined = any.
 */
export function apiGatewayKinds(model: TemplateModel, dimensions: Node | undefined): ApiGatewayKind[] | undefined {
  if (!isSeq(dimensions)) return undefined;
  for (const dimension of dimensions.items) {
    const name = stringOf(get(dimension, 'Name'));
    if (name === 'ApiName') return ['rest'];
    if (name === 'ApiId') {
      const api = v2ApiOf(model, get(dimension, 'Value'));
      const kind = api ? v2KindOf(model, api) : undefined;
      if (kind === 'http' || kind === 'websocket') return [kind];
      return ['http', 'websocket'];
    }
  }
  return undefined;
}

/** Levenshtein distance, case-insensitive. */
export function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] === y[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[y.length];
}

export function closest(name: string, names: Iterable<string>): { name: string; distance: number } | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const d = distance(name, candidate);
    if (!best || d < best.distance) best = { name: candidate, distance: d };
  }
  return best;
}
