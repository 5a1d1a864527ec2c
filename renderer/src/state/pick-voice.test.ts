import { describe, expect, it } from 'vitest';
import { pickVoice } from './pick-voice';

const voice = (name: string, lang: string, localService = true) => ({ name, lang, localService });

describe('choosing a voice', () => {
  it('speaks Indonesian with an Indonesian voice, preferring one that works offline', () => {
    const voices = [
      voice('English', 'en-US'),
      voice('Google Bahasa Indonesia', 'id-ID', false),
      voice('eSpeak Indonesian', 'id-ID'),
    ];
    expect(pickVoice(voices, 'id')?.name).toBe('eSpeak Indonesian');
    expect(pickVoice([voice('Old Android', 'in_ID')], 'id')?.name).toBe('Old Android');
    // Any Indonesian voice on the machine beats a closer tag that needs the network.
    expect(pickVoice([voice('Network', 'id-ID', false), voice('Local', 'id')], 'id')?.name).toBe(
      'Local',
    );
  });

  it('speaks English with the closest English voice', () => {
    const voices = [voice('US', 'en-US'), voice('UK', 'en-GB'), voice('Indonesia', 'id-ID')];
    expect(pickVoice(voices, 'en')?.name).toBe('UK');
    expect(pickVoice([voice('Australia', 'en-AU')], 'en')?.name).toBe('Australia');
  });

  it('picks none when the platform has no voice for the language', () => {
    expect(pickVoice([voice('English', 'en-US')], 'id')).toBeNull();
    expect(pickVoice([], 'en')).toBeNull();
  });
});
