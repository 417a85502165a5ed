import { describe, expect, it } from 'vitest';
import { twiml, xmlEscape } from '../../../functions/http/twilio';

describe('TwiML replies', () => {
  it('escapes every character XML gives meaning to', () => {
    expect(xmlEscape(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;',
    );
  });

  it('drops control characters XML 1.0 cannot carry, keeping tabs and newlines', () => {
    expect(xmlEscape('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });

  it('answers nothing with an empty Response', () => {
    expect(twiml([])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(twiml(['hi', '<b>'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>hi</Message><Message>&lt;b&gt;</Message></Response>',
    );
  });
});
