import type { InsightSettings, PeriodUnit } from '@repertoire/insight';
import type { SettingsApi } from '@repertoire/plugin-api';

const UNITS: readonly PeriodUnit[] = ['week', 'month', 'term'];

/** The community's insight settings (`contributes.settings`), as the computations take them. */
export async function readInsightSettings(settings: SettingsApi): Promise<InsightSettings> {
  const [period, coreShare, activeShare, absentMeetings, untouchedMonths] = await Promise.all([
    settings.get<string>('insight.period'),
    settings.get<number>('insight.coreShare'),
    settings.get<number>('insight.activeShare'),
    settings.get<number>('insight.absentMeetings'),
    settings.get<number>('insight.untouchedMonths'),
  ]);
  const share = (v: number | undefined) =>
    typeof v === 'number' && v >= 0 && v <= 1 ? v : undefined;
  const thresholds: InsightSettings['thresholds'] = {};
  const core = share(coreShare);
  const active = share(activeShare);
  if (core !== undefined) thresholds.coreShare = core;
  if (active !== undefined) thresholds.activeShare = active;
  return {
    unit: UNITS.includes(period as PeriodUnit) ? (period as PeriodUnit) : 'month',
    thresholds,
    ...(typeof absentMeetings === 'number' && absentMeetings >= 1
      ? { alerts: { absentMeetings: Math.round(absentMeetings) } }
      : {}),
    ...(typeof untouchedMonths === 'number' && untouchedMonths > 0 ? { untouchedMonths } : {}),
  };
}
