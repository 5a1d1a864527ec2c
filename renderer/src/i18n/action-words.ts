/**
 * A self-test a newer brain offers that this catalog has no words for yet, readable anyway:
 * `calibrateSensor` → `Calibrate sensor`.
 */
export function actionInWords(action: string): string {
  const words = String(action)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : String(action);
}
