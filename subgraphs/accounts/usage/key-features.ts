/**
 * The product's key features: using more of them is what "breadth" measures. Event names as a
 * Segment-style `track` call sends them.
 */
export const KEY_FEATURES = [
  'Report Created',
  'Dashboard Shared',
  'Integration Connected',
  'Workflow Automated',
  'Data Exported',
  'User Invited',
  'Alert Configured',
  'API Key Created',
] as const;

export function isKeyFeature(eventName: string): boolean {
  return (KEY_FEATURES as readonly string[]).includes(eventName);
}
