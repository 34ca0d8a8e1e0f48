import { get } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * KDA001: a Kinesis Data Analytics for SQL application: any v1 `AWS::KinesisAnalytics::*`
 * resource (the v1 API supports SQL applications only) or `AWS::KinesisAnalyticsV2::Application`
 * with `RuntimeEnvironment: SQL-1_0`. KDA for SQL is discontinued: no new applications since
 * 2025-10-15, existing ones deleted from 2026-01-27, so creation fails. Types, runtime and dates
 * are data in the `kda.overview` note. Source: Kinesis Data Analytics for SQL Developer Guide,
 * discontinuation banner (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'KDA001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::KinesisAnalytics::Application',
      'AWS::KinesisAnalytics::ApplicationOutput',
      'AWS::KinesisAnalytics::ApplicationReferenceDataSource',
      'AWS::KinesisAnalyticsV2::Application',
    ],
    title: { en: 'Kinesis Data Analytics for SQL', ja: 'Kinesis Data Analytics for SQL' },
    note: 'kda.overview',
    messages: {
      sql: {
        en: 'Kinesis Data Analytics for SQL applications was discontinued (no new applications from {noNew}; applications deleted from {deleted}). Use Amazon Managed Service for Apache Flink (`RuntimeEnvironment: FLINK-*`).',
        ja: 'Kinesis Data Analytics for SQL アプリケーションは廃止されました（{noNew} 以降は新規作成不可、{deleted} から削除）。Amazon Managed Service for Apache Flink（`RuntimeEnvironment: FLINK-*`）を使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const data = { noNew: String(k.value('kda.overview', 'noNewApplicationsFrom')), deleted: String(k.value('kda.overview', 'applicationsDeletedFrom')) };
    const v1 = k.value('kda.overview', 'v1Types') as string[];
    const sql = String(k.value('kda.overview', 'sqlRuntime'));
    for (const app of template.ofType(...v1)) {
      context.report({ path: [...app.path, 'Type'], messageId: 'sql', data });
    }
    for (const app of template.ofType('AWS::KinesisAnalyticsV2::Application')) {
      const runtime = candidates(get(app.properties, 'RuntimeEnvironment'), template);
      if (!runtime) continue;
      const hits = runtime.values.filter((v) => v === sql).length;
      if (hits === 0) continue;
      context.report({ path: [...app.path, 'Properties', 'RuntimeEnvironment'], messageId: 'sql', data, downgrade: hits < runtime.values.length });
    }
  },
};

export default rule;
