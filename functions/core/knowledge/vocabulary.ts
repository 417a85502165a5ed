/**
 * The vocabulary the knowledge search folds text with (terms.ts applies it): synonyms across
 * English, Spanish and Spanglish, phrases that carry two ideas, texting shorthand, stop words,
 * and the "context" concepts that say who a question is about rather than what.
 *
 * Everything here is written in folded form: lower case, no accents ("ñ" is "n"), no apostrophes.
 * Add a word where clients use it and an article means it; the evaluation
 * (npm run eval:knowledge) shows whether it helped.
 */
import type { Language } from '../flow';

/**
 * Groups of words and phrases that mean the same thing to a client, comma-separated; each group
 * folds to its first entry (its concept). Single words also match through their stem
 * ("deportaran" → "deport"), so a group needs only the forms a stem does not reach.
 */
export const SYNONYMS: readonly string[] = [
  // People
  'lawyer, attorney, abogado, abogada, lawer, licenciado, licenciada, licen',
  'license, licencia, licencias, licenses, driver license, drivers license, ' +
    'licencia de manejar, licencia de conducir, licencia de manejo, licencia pa manejar, ' +
    'licencia para manejar, driving license, drivers licence, driving licence, dmv, ' +
    'permiso de manejar, permiso de conducir, permiso pa manejar, permiso para manejar, ' +
    'learners permit, state id, identificacion del estado, real id, matricula, ' +
    'matricula consular, id card',
  'judge, juez, jueza, jueces, immigration judge, juez de inmigracion',
  'spouse, husband, wife, esposo, esposa, marido, hubby, espos',
  'partner, pareja, novio, novia, boyfriend, girlfriend, fiance, prometido',
  'child, children, kid, kids, daughter, hijo, hija, hijos, hijas, nino, nina, ninos, ninas, ' +
    'baby, babies, bebe, bebes, bebito, bebita, chamaco, chamacos, chiquito, chiquitos, ' +
    'chiquita, chiquitas, hijito, hijitos',
  'parent, parents, dad, mom, mother, father, papa, mama, papas, mamas, padre, madre, ' +
    'padres, mami, papi, jefa, jefe, mum, mommy, daddy',
  'sibling, brother, sister, hermano, hermana, hermanos, hermanas, bro, sis',
  'relative, cousin, primo, prima, uncle, aunt, tio, tia, nephew, niece, sobrino, sobrina, ' +
    'abuelo, abuela, grandma, grandpa, grandmother, grandfather, cunado, cunada, suegro, ' +
    'suegra, pariente, family member, un familiar, a relative, loved one, ser querido, friend, ' +
    'friends, amigo, amiga, amigos, amigas, compa, compadre, comadre, vecino, vecina, ' +
    'neighbor, roommate, una persona, a person, familiar',
  'minor, menor de edad, menores de edad, underage, teenager, adolescente, minors',
  'victim, victima, victimas, survivor, sobreviviente',
  'boss, patron, patrona, employer, empleador, supervisor, mayordomo, manager',
  'police, policia, cops, cop, sheriff, police officer, la chota, chota, poli',
  'robot, bot, chatbot, machine, maquina, computer program, programa de computadora',
  // Agencies, forms and numbers
  'ice, la migra, migra, immigration enforcement, inmigra, immigration agents, cbp',
  'immigration, inmigracion, migracion, imigracion, inmigrasion, migrasion, inmigration, ' +
    'imigration, immigracion',
  'uscis, servicio de inmigracion, citizenship and immigration services',
  'eoir, executive office for immigration review',
  'bia, board of immigration appeals, junta de apelaciones de inmigracion',
  'a-number, a number, anumber, a#, a #, alien number, alien registration number, numero a, ' +
    'numero de extranjero, numero de registro de extranjero, uscis number, uscis #, ' +
    'numero de caso',
  'nta, notice to appear, aviso de comparecencia, notificacion de comparecencia, ' +
    'notificacion para comparecer, aviso para comparecer, i-862',
  'i-601a, i601a, i-601, i601, perdon provisional, provisional waiver, waiver',
  'eoir-26, eoir26',
  'eoir-33, eoir33',
  'ar-11, ar11',
  'eoir-42a, eoir-42b, eoir42a, eoir42b',
  'social, social security, seguro social, ssn, numero de seguro social, ' +
    'social security number, social security card, tarjeta del seguro social, ' +
    'tarjeta de seguro social, tarjeta social, numero social, seguro socia, sosial, ' +
    'ss card, ss number, socal security',
  'locator, localizador, detainee locator, localizador de detenidos, locator ice gov',
  // Everything else: events, procedures, relief, places, the firm
  'deport, deportation, deportacion, deportaciones, deportar, deportaron, deportado, ' +
    'deportada, deporten, deporta, deportan, deportarme, deportarlo, deportarla, removal, ' +
    'removed, remove, orden de deportacion, removal proceedings, deportation proceedings, ' +
    'proceso de deportacion, procedimiento de deportacion, deportation case, ' +
    'caso de deportacion, deportation order, removal order, order of removal, send back, ' +
    'send me back, send her back, send him back, sent back, kick out of the country, ' +
    'sacar del pais, echar del pais',
  'detain, detained, detention, detainee, detainees, detenido, detenida, detenidos, ' +
    'detencion, detener, detuvieron, detiene, detienen, picked up, pick up, picked him up, ' +
    'picked her up, agarraron, agarro, agarra, agarran, se lo llevaron, se la llevaron, ' +
    'se los llevaron, se lo llevo, se la llevo, se llevo, se llevaron, se lo lleven, ' +
    'se la lleven, se los lleven, lo lleven, la lleven, se lo van a llevar, ' +
    'se la van a llevar, me lleven, me van a llevar, lo llevaron, la llevaron, preso, presa, ' +
    'custody, custodia, locked up, lock up, encerrado, encerrada, inmate, inmates, prisoner, ' +
    'recluso, reclusa, held, hold, being held, jail, carcel, prison, prision, ' +
    'detention center, centro de detencion, corralon, hielera',
  'arrest, arrested, arresto, arrestado, arrestada, arrestaron, arrestar, arrests',
  'court, corte, tribunal, courthouse, immigration court, corte de inmigracion',
  'hearing, audiencia, court date, cita en la corte, cita de corte, fecha de corte, ' +
    'cita con el juez, master calendar, master hearing',
  'bond, fianza, bail, bono, fiansa',
  'asylum, asilo, asilo politico, political asylum, asylee, asilado',
  'workpermit, work permit, permiso de trabajo, permiso de trabajar, permiso pa trabajar, ' +
    'permiso para trabajar, ead, employment authorization, work authorization, work card, ' +
    'tarjeta de trabajo, permiso',
  'greencard, green card, green, residency, residencia, residente, residentes, ' +
    'residente permanente, permanent resident, permanent residents, permanent residence, ' +
    'lawful permanent resident, resident, residents, lpr, mica, tarjeta verde',
  'citizen, ciudadano, ciudadana, ciudadanos, ciudadanas, citizenship, ciudadania, ' +
    'us citizen, american citizen, ciudadano americano, ciudadana americana, ' +
    'ciudadano estadounidense, americano, americana, americanos',
  'papers, papeles, documents, documentos, paperwork, papelitos, docs, status, legal status, ' +
    'estatus legal, fix, arreglar, arreglo, arreglarme, arreglen, arregla, arreglarle, ' +
    'arreglarlo, legalize, legalizar, fix my papers, fix papers, fix my status, ' +
    'arreglar papeles, arreglar mis papeles, arreglar mi situacion',
  'undocumented, nonlpr, indocumentado, indocumentada, indocumentados, no papers, ' +
    'sin papeles, without papers, illegal, ilegal, ilegales, illegally, ilegalmente',
  'appeal, apelar, apelacion, apelo, apele, apelarlo, appealing, appeals',
  'reopen, reabrir, reabro, reabran, reabra, reopening, reopened, volver a abrir, ' +
    'abrir de nuevo, open again, abrir otra vez',
  'reconsider, reconsiderar, reconsideracion, reconsideration',
  'motion, mocion, motions, mociones, pedimento',
  'move, moved, moving, mudanza, mude, mudar, mudarme, mudo, mudamos, me cambie de casa, ' +
    'cambie de casa, cambiarme de casa, cambio de casa, relocate, relocated',
  'address, direccion, domicilio, change of address, cambio de direccion, ' +
    'cambio de domicilio, new address, nueva direccion, adress, direcion',
  'checkin, check-in, check in, check ins, check-ins, checkins, reportarme, reportarse, ' +
    'me reporto, report to ice, have to report, i have to report, tengo que reportarme, ' +
    'go report, reporting to ice, firmar con ice, firmar con la migra, ir a firmar, ' +
    'cita con ice, cita con la migra, cita de ice, cita de migracion, cita con migracion, ' +
    'ice appointment, appointment with ice',
  'monitor, ankle monitor, ankle bracelet, grillete, grilletes, brazalete, pulsera, isap, ' +
    'supervision, order of supervision, orden de supervision, intensive supervision, ankle, ' +
    'tobillo, tobillera, ankle thing, gps',
  'voluntary, voluntaria, voluntario, voluntarily, voluntariamente, voluntary departure, ' +
    'salida voluntaria, self deport, self-deport, autodeportarme, autodeportar, ' +
    'autodeportacion, self deportation, irme por mi cuenta, irme solo, irme sola, ir solo, ' +
    'ir sola, irme yo solo, irme yo sola, me voy solo, me voy sola, leave by myself, ' +
    'go back by myself, go home on my own, regresarme por mi cuenta, regresar por mi cuenta, ' +
    'on my own, por mi cuenta, por mi propia cuenta, leave on my own, leave on our own, ' +
    'on our own, por nuestra cuenta, by myself, by ourselves, yo mismo, yo misma, ' +
    'por voluntad propia, por mi propia voluntad, de mi propia voluntad, my own free will, ' +
    'leave voluntarily, leave willingly, irme voluntariamente, salir voluntariamente, ' +
    'deport myself, deportarme yo solo, deportarme yo mismo, autodeportarse, ' +
    'auto deportarme, auto deportacion, auto deportarse, self deporting, self-deporting, ' +
    'salirme del pais, irme del pais yo solo, leave before they deport me, ' +
    'irme antes de que me deporten, salir antes de que me deporten, leave before being deported',
  'leave, salir, salgo, irme, leaving, left, sali, salida, depart, departure',
  'return, regresar, regrese, regreso, volver, volvi, came back, come back, go back',
  'reenter, volvio a entrar, volvi a entrar, volver a entrar, entre otra vez, ' +
    'entro otra vez, re-enter, reentry, reentered, came back in, crossed again, ' +
    'cruce otra vez, cruzo otra vez',
  'reinstatement, reinstate, reinstated, reinstalacion, reinstalada, reinstalar, ' +
    'restablecimiento',
  'cross, cruzar, cruce, cruzo, crossed, crossing, cruzando, el cerro, por el cerro, ' +
    'por el monte, mojado, mojada, entered without inspection, sin inspeccion, sin visa, ' +
    'without a visa, without inspection',
  'expedited, expedita, acelerada, expedited removal, deportacion rapida, fast track, ' +
    'deportacion inmediata, deportarme rapido, deportar rapido, deportado rapido, ' +
    'regresar rapido, regresaron rapido, sent back right away, deported right away, ' +
    'deported immediately, quick deportation, fast deportation',
  'credible, creible, credible fear, miedo creible',
  'reasonable, razonable, reasonable fear, miedo razonable',
  'withholding, withholding of removal, suspension de deportacion, suspension de remocion',
  'torture, tortura, torturar, torturen, torturado, torturada, cat, ' +
    'convention against torture, convencion contra la tortura',
  'fear, afraid, miedo, scared, asustado, asustada, temor, terror, frightened',
  'threat, threats, threatened, threaten, amenaza, amenazas, amenazaron, amenazo, amenazado, ' +
    'amenazada, kill, killed, matar, maten, mataron, matarme, muerte, persecution, ' +
    'persecucion, persecuted, perseguido, perseguida, gang, gangs, pandilla, pandillas, mara, ' +
    'maras, cartel, carteles, extortion, extorsion',
  'abuse, abused, abuser, abusive, abusa, abuso, abusador, abusadora, abusivo, abusiva, ' +
    'maltrato, maltrata, maltrataba, maltrataban, maltratan, violencia domestica, ' +
    'domestic violence, golpea, golpeaba, golpeo, golpear, golpes, hits, hit, hitting, beats, ' +
    'beat, beaten, pega, pego, pegaba, me trata mal, me trata muy mal, treats me badly',
  'abandon, abandoned, abandono, abandonaron, abandonado, abandonada, neglect, neglected, ' +
    'negligencia, never took care, nunca me cuido, nunca lo cuido, nunca la cuido, left me',
  'traffick, trafficking, trafficked, trafficker, traficante, trafico, trata, ' +
    'trata de personas, human trafficking, forced labor, trabajo forzado, forced to work, ' +
    'forced me to work, made me work, obligaron a trabajar, me obligaron a trabajar, ' +
    'forzaron a trabajar, me forzaron a trabajar, me hacen trabajar, me hacian trabajar, ' +
    'trabajar a la fuerza, coyote, coyotes, took my passport, takes my passport, ' +
    'has my passport, kept my passport, keeps my passport, took our passports, ' +
    'took my papers, kept my papers, took my documents, me quito el pasaporte, ' +
    'me quitaron el pasaporte, me quito mi pasaporte, me quitaron mi pasaporte, ' +
    'tiene mi pasaporte, tienen mi pasaporte, se quedo con mi pasaporte, ' +
    'me quitaron mis papeles, me quitaron mis documentos, without paying me, ' +
    'without pay, for no pay, never paid me, never pays me, sin pagarme, sin paga, ' +
    'no me pagaban, no me pagaba, nunca me pagaron, debt bondage, pay off a debt, ' +
    'pagar una deuda, deuda',
  'forced, obligaron, obligo, obligan, forzaron, forzo, force, forzado, forzada',
  'crime, crimes, crimen, delito, delitos, criminal, felony, felonia, offense, ofensa, ' +
    'misdemeanor, delito menor, charge, charges, cargo, cargos, conviction, convicted, ' +
    'condena, condenado, convicto, record, records, record criminal, criminal record, ' +
    'antecedentes, antecedentes penales, drug, drugs, droga, drogas, marijuana, marihuana, ' +
    'possession, posesion, narcotrafico',
  'dui, dwi, owi, manejar tomado, manejando tomado, manejaba tomado, drunk driving, ' +
    'driving drunk, borracho, borracha, manejar borracho, manejando borracho, ' +
    'manejaba borracho, manejar borracha, manejar ebrio, manejar pedo, ebrio, ebria, ' +
    'ebriedad, estado de ebriedad, driving under the influence, under the influence, ' +
    'bajo la influencia, drinking and driving, drunk, tomando y manejando, ' +
    'manejar bajo la influencia, intoxicated, intoxicado, alcohol, alcoholemia, ' +
    'breathalyzer',
  'theft, robo, robar, robe, robo en tienda, shoplifting, shoplift, stealing, stole, ' +
    'robbery, steal',
  'assault, asaltaron, asalto, asaltado, asaltada, robaron, me robaron, attacked, atacaron, ' +
    'mugged, assaulted',
  'report, reportar, reporte, denuncia, denunciar, denuncie, reported, complaint, queja',
  'dismiss, dismissed, dismissal, drop, dropped, desestimar, desestimaron, retiraron',
  'close, closed, closure, cerrar, cerraron, cerrado, cerrada, cierre, cierren, cierra, cerro',
  'administrative, administrativo, administrativa, administratively, administrativamente',
  'pause, paused, pausa, pausar, on hold, en pausa, en espera, hold off, suspend',
  'prosecutorial, procesal, prosecutorial discretion, discrecion procesal, pd',
  'discretion, discrecion',
  'prosecutor, fiscal, government attorney, ice attorney, abogado del gobierno, ' +
    'abogado de ice',
  'cancellation, cancelacion, cancellation of removal, cancelacion de deportacion, ' +
    'cancelacion de remocion',
  'hardship, sufrimiento, sufririan, sufriria, sufrir, suffer, suffering, dificultad, ' +
    'hardships',
  'deadline, plazo, fecha limite, time limit, limite, limit, vence el plazo, too late, ' +
    'demasiado tarde, muy tarde, ya es tarde, es tarde, tarde para, late to, late for, ' +
    'plazos, deadlines, cutoff, cut off, fecha de vencimiento, se me paso el plazo',
  'howlong, wait, waiting, esperar, espero, esperando, how long does it take, ' +
    'how long will it take, how long, cuanto se demora, cuanto demora, cuanto tiempo, ' +
    'cuanto tarda, cuanto tardan, cuanto se tarda, how many days, cuantos dias, how soon',
  'expire, expired, expires, expiring, vencio, vence, vencido, vencida, se vencio, se vence, ' +
    'caduco, caducado',
  'renew, renewal, renovar, renovacion, renuevo, renueva, renovarlo, renewed, renewing, ' +
    'extend, extension, extender, extendieron, extended',
  'interpreter, interprete, translator, traductor, traductora, traduzca, traducir, ' +
    'translate, traduce, interpretacion, interpretation',
  'video, videollamada, webex, virtual, remote, zoom, teams',
  'missed, miss, falte, faltar, falto, no show, didnt show up, no me presente, ' +
    'no me presento, no presentarme, dont show up, not show up, si no voy, if i dont go, ' +
    'no aparezco, no me aparezco, no se presento, no fui, didnt go, did not go, no asisti, ' +
    'no llegue, failed to appear, se me paso la fecha, se me paso la cita, ' +
    'se me paso la audiencia, se me paso la corte, se me olvido la cita, ' +
    'se me olvido la audiencia, se me olvido la corte, se me fue la fecha, ' +
    'forgot to go, forgot my court date, forgot about my court date, slept through, ' +
    'never showed up, never went, no pude ir, couldnt go, could not go, could not make it, ' +
    'couldnt make it, no alcance a llegar, llegue tarde, got there late, arrived late, ' +
    'late to court, missed my hearing, missed court, skipped court, skipped my hearing, ' +
    'no me presente a la corte, no fui a la corte, no fui a mi cita',
  'absentia, in absentia, en ausencia, ausencia',
  'warrant, orden judicial, orden de arresto, orden de cateo, search warrant, orden firmada',
  'door, puerta, knock, knocking, tocando, tocan, tocaron, toca, abro, abrir, abrirle, ' +
    'abrirles, abre, abra, open the door, abrir la puerta',
  'pending, pendiente, pendientes, en tramite, in process, en proceso, waiting for a decision',
  'home, casa, house, apartment, apartamento, depa, departamento, hogar, traila, trailer',
  'work, trabajo, trabajar, job, chamba, jale, trabajando, worksite, workplace, trabajos, ' +
    'cantina, restaurante, restaurant, fabrica, factory, construccion, construction, rancho, ' +
    'farm, fields, la pisca, empacadora, hotel, obra, lavaplatos, limpieza, cleaning',
  'street, calle, sidewalk, banqueta, en la calle, on the street, store, tienda, parking, ' +
    'parking lot, estacionamiento, home depot, lowes, walmart, supermarket, supermercado, ' +
    'mercado, gas station, gasolinera, bus stop, parada, public place, lugar publico, ' +
    'swap meet, la pulga',
  'drive, driving, manejar, manejando, manejaba, pulled over, traffic stop, carro, car, ' +
    'troca, truck, camioneta',
  'stop, stopped, paro, pararon, paran, stops, evitar, evita, evito, avoid, prevent, ' +
    'prevents, impedir, parar',
  'rights, derechos, derecho, mis derechos, my rights, right to',
  'silent, silencio, callado, callada, remain silent, quedarme callado, no contestar, ' +
    'not answer',
  'sign, firmar, firmo, firme, signed, signing, firmada, firmado',
  'run, correr, corro, huir, run away, walk away, irme caminando',
  'born, nacio, naci, nacido, nacida, nacidos, nacieron, nacimiento, birth, birthplace',
  'country, pais, countries, paises, home country, mi pais, mexico, guatemala, honduras, ' +
    'el salvador, salvador, nicaragua, venezuela, colombia, ecuador, peru, cuba, haiti, ' +
    'brasil, brazil, china, india, ukraine, ucrania, afghanistan, afganistan, somalia, sudan, ' +
    'yemen, siria, syria, burma, birmania, nepal, etiopia, ethiopia, juarez, ciudad juarez, ' +
    'tijuana, monterrey, guadalajara, cdmx, chihuahua, matamoros, nogales, reynosa, ' +
    'tegucigalpa, san pedro sula, san salvador, caracas, bogota',
  'unitedstates, united states, estados unidos, eeuu, ee uu, the us, the states, america, ' +
    'gringolandia',
  'visa, visas, visado',
  'uvisa, u visa, visa u, u-visa, visa de victima, visa para victimas, visa de victimas, ' +
    'u nonimmigrant, i-918, i-918b, i-918 supplement b, supplement b, suplemento b',
  'tvisa, t visa, visa t, t-visa, i-914',
  'vawa, violence against women act, ley de violencia contra la mujer, self petition, ' +
    'self-petition, autopeticion, auto peticion, i-360',
  'sijs, special immigrant juvenile, special immigrant juvenile status, ' +
    'inmigrante juvenil especial, visa juvenil, sij, juvenil, juvenile',
  'tps, temporary protected status, estatus de proteccion temporal, ' +
    'estatus de protegido temporal, proteccion temporal',
  'daca, deferred action for childhood arrivals, dreamer, dreamers, sonador, sonadores, ' +
    'dream act, accion diferida para los llegados en la infancia',
  'deferred, diferida, deferred action, accion diferida',
  'petition, peticion, petitions, peticiones, pedir por mi, petition for me, pedirme, ' +
    'me puede pedir, petition me, sponsor, patrocinar, i-130, i130',
  'family, familia, familiares, families',
  'marry, marriage, married, casar, casarme, casarnos, casado, casada, matrimonio, boda, ' +
    'wedding, nos casamos, me case',
  'interview, entrevista, entrevistas, consular interview, cita en el consulado, ' +
    'cita consular',
  'bar, castigo, castigado, castigada, castigan, bars, penalty, punished, punishment, ' +
    'castigar, castiguen, atorado, atorada, stuck',
  'unlawful, unlawful presence, presencia ilegal, presencia ilicita, overstay, overstayed, ' +
    'me quede mas, se me vencio la visa',
  'travel, viajar, viajo, viaje, trip, visit, visitar, boleto, ticket, pasaje, plane ticket, ' +
    'vuelo, flight, airfare',
  'notario, notary, notary public, notarios, notaria, notarias, notaries',
  'promise, promised, promises, prometio, promete, prometen, prometieron, guarantee, ' +
    'guaranteed, garantiza, garantizan, garantizo',
  'protection, proteccion, protect, protects, protected, proteger, protege, protegen, ' +
    'protegido, protegida',
  'show, shows, ensenar, ensene, ensenarle, mostrar, muestro, muestre, display',
  'arrive, arrived, arrival, just arrived, acabo de llegar, recien llegado, recien llegada, ' +
    'recien llegue, llegada, newly arrived, recently arrived',
  'fraud, fraude, scam, disappeared, desaparecio, desaparecieron, se desaparecio, vanished, ' +
    'estafa, estafaron, scammed, enganaron, engano, ripped off, robo mi dinero, took my money, ' +
    'lied, mintio, tranza, tranzaron',
  'consultant, consultor, consultora, gestor, gestora, preparador, tramitador, tramitadora, ' +
    'immigration consultant',
  'accredited, acreditado, acreditada, accredited representative, representante acreditado',
  'probono, pro bono, free, gratis, gratuito, gratuita, sin costo, no cost, for free, ' +
    'de gratis',
  'afford, cant afford, no puedo pagar, no tengo dinero, no money, poor, pobre, no me alcanza',
  'consultation, consulta, consultas, consultation fee, consult, consultations, evaluacion',
  'cost, costs, how much, cuanto, cuesta, cuestan, costo, cobran, cobra, cobrar, price, ' +
    'prices, precio, precios, fee, fees, tarifa, honorarios, charge you, do you charge, money, ' +
    'dinero, dolares, dollars, lana, feria',
  'pay, pagar, pago, pagos, payment, payments, pague, paid, paying, abonos, abono, plazos, ' +
    'en plazos, installments, payment plan, plan de pagos, cuotas',
  'confidential, confidencial, confidentiality, confidencialidad, privado, privada, private, ' +
    'privacy, privacidad, secreto, secret, confidencialmente, confidentially, privately, ' +
    'en privado, in private, entre nosotros, between us, stays between us, ' +
    'queda entre nosotros, se queda aqui, stays here, anonimo, anonima, anonymous, ' +
    'anonymously, anonimamente, reservado, reservada, discreto, discreta, discreet, ' +
    'attorney client privilege, privilegio, privileged',
  'delete, borrar, borren, borra, borre, erase, eliminar, elimina, eliminen, remove my, ' +
    'deleted, borrado',
  'data, datos, info, information, informacion, my info, mis datos, personal information',
  'safe, seguro, segura, safety, seguridad, risky, peligroso, dangerous',
  'share, compartir, comparten, decirle a la migra, pass my, pasan mi, report me, ' +
    'reportarme a la migra, entregar, que migracion sepa, que la migra sepa, que ice sepa, ' +
    'que inmigracion sepa, se entere migracion, se entere la migra, se entere ice, ' +
    'ice find out, ice finds out, immigration find out, immigration finds out, ' +
    'give my info, give my information, pasan mis datos, ' +
    'pass my information, sell my information, venden mis datos, turn me in, entregarme, ' +
    'denunciarme, snitch',
  'call, llamar, llame, llamen, llamada, llamara, contact, contactar, contactarme, ' +
    'contacten, hear back, get back to me, reach me',
  'answer, answers, answered, contestar, conteste, contesto, contestarme, contestarle, ' +
    'contestan, contesten, responder, respondi, respuesta, respuestas, respond, reply',
  'case, cases, caso, casos, expediente, expedientes',
  'next, siguiente, sigue, proximo, proxima, proximos, proximas, upcoming, next step, ' +
    'next steps, proximo paso, proximos pasos, what now, y ahora',
  'intake, entrevista inicial, questionnaire, cuestionario, this chat, este chat, chat',
  'form, forms, forma, formas, formulario, formularios, fill out, llenar, lleno, llene, ' +
    'llenan, fill, filled',
  'office, oficina, oficinas, located, ubicados, ubicacion, location, ' +
    'direccion de la oficina, where are you',
  'hours, horario, horarios, abren, business hours, office hours, what time do you, ' +
    'what time are you, horas de oficina, horario de oficina',
  'firm, firma, bufete, despacho, law firm, law office, ustedes, you guys, yall, you all, ' +
    'your firm, your office, su firma, su oficina',
  'border, frontera, la linea, border patrol, la patrulla fronteriza, patrulla fronteriza, ' +
    'port of entry, garita, puerto de entrada',
  'practice, kind of cases, type of cases, types of cases, what cases, que casos, ' +
    'que tipo de casos, cases do you take, casos toman, casos llevan, cases you handle, ' +
    'do you handle, do you do, kinds of case, sort of cases, what kind of law, ' +
    'what type of law, areas of law, area of law, practice areas, que clase de casos, ' +
    'que clases de casos, que tipo de ley, que areas, a que se dedican, que hacen ustedes, ' +
    'what do you guys do, what do you do, ' +
    'toman casos, llevan casos, agarran casos, manejan casos, only immigration, ' +
    'solo inmigracion, nada mas inmigracion, specialize, specialise, especializan, ' +
    'especialidad, especialistas, specialty, what cases do you, que casos agarran',
  'licensed, real lawyer, real lawyers, real attorney, actual lawyer, abogado de verdad, ' +
    'abogados de verdad, abogado real, abogados reales, licencia de abogado, ' +
    'licensed attorney, licensed lawyer, bar license, abogado con licencia, ' +
    'abogados con licencia',
  'identity, who are you, quienes son, quien eres, quien es usted, quienes son ustedes, ' +
    'who is this, what are you, que son, who am i talking to, con quien hablo, ' +
    'con quien estoy hablando, who am i talking with',
  'spanish, espanol, hablan espanol, speak spanish, spanglish, castellano',
  'english, ingles',
  'phone, telefono, numero de telefono, phone number, cel, celular, hotline, linea, line, ' +
    '1-800, 1800, 1 800',
  'website, web, pagina, pagina web, online, internet, site, en linea, portal, acis, ecas',
  'find, encontrar, encuentro, buscar, busco, look up, lookup, search, locate, localizar, ' +
    'donde esta, where is, donde lo tienen, donde la tienen, donde tienen',
  'check, checar, checo, chequear, revisar, reviso, verificar, consultar mi caso, ' +
    'ver mi caso, case status, estado de mi caso',
  'date, fecha, fechas, when is, cuando es, que dia, what day',
  'letter, carta, cartas, notice, aviso, notificacion, correo, mail, papel, paper, notices, ' +
    'avisos',
  'forgot, forget, olvide, olvido, no me acuerdo, dont remember, lost, perdi, se me perdio, ' +
    'extravie',
  'lose, lost at court, perdimos, perdio, perdieron, lost the case, lost my case, ' +
    'perdi el caso, perdi mi caso',
  'deny, denied, denies, nego, negaron, negado, negada, rechazaron, rechazado, rejected, ' +
    'denial',
  'decision, decision del juez, ruling, resolucion, fallo, sentencia',
  'qualify, calificar, califico, califica, eligible, elegible, requirements, requisitos, ' +
    'requisito, requirement, qualifies, calificar para',
  'apply, aplicar, aplico, solicitar, solicito, solicitud, application, applied, file, ' +
    'filed, filing, meter, meti, metio, metimos, presentar, presente, tramitar, apply for, ' +
    'pedir, pido, pide, piden, pedi, pidio, pedimos, pida, request, requested, solicite, ' +
    'ask for, sign up, inscribirme',
  'evidence, pruebas, prueba, proof, prove, probar, comprobar, compruebo, evidencia',
  'years, year, anos, ano, yrs, yr',
  'clock, reloj, asylum clock, reloj de asilo',
  'lpr7, 7 years, 7 anos, siete anos, seven years',
  'ten, 10 years, 10 anos, diez anos, ten years, 10 year, 10 ano',
  'stay, quedarme, quedar, quedarse, stay here, quedarme aqui, remain, permanecer',
  'laken, laken riley, riley, laken riley act, ley laken riley',
  'mandatory, obligatoria, obligatorio, mandatory detention, detencion obligatoria, no bond, ' +
    'sin fianza, without bond',
  'counsel, right to a lawyer, right to an attorney, right to counsel, derecho a un abogado, ' +
    'derecho a abogado, derecho a tener abogado, derecho a un licenciado, ' +
    'court appointed lawyer, court appointed attorney, appointed lawyer, appointed attorney, ' +
    'appoint, appointed, abogado de oficio, public defender, defensor publico, represent me, ' +
    'me dan uno, me dan abogado, me dan un abogado, me ponen abogado, me ponen un abogado, ' +
    'me asignan, me asignan un abogado, dan abogado, dan un abogado, ponen abogado, ' +
    'give me a lawyer, give me one, get one for free, provide a lawyer, provide me a lawyer, ' +
    'assign a lawyer, assign me a lawyer, assigned lawyer, free lawyer, abogado gratis, ' +
    'abogado gratuito, lawyer for free, the court gives, la corte da, el gobierno da, ' +
    'government pays for a lawyer, without a lawyer, sin abogado, no tengo abogado, ' +
    'dont have a lawyer, do not have a lawyer, no lawyer, alone in court, solo en la corte, ' +
    'represent myself, representarme yo solo, pro se, ' +
    'representarme, representation, representacion, representar, represent',
  'non lpr, non-lpr, nonresident, non resident, non residents, non-resident, ' +
    'nonpermanent resident, non-permanent resident, non permanent resident, ' +
    'without a green card, no green card, sin green card, sin residencia, no residente, ' +
    'no tengo residencia, no tengo green card, no tengo la residencia, no tengo mica, ' +
    'sin mica, do not have a green card, not a permanent resident, never had a green card, ' +
    'no soy residente permanente, no somos residentes, undocumented immigrants, ' +
    'no residentes, no soy residente, not a resident',
  'release, released, releases, liberar, liberaron, liberado, liberada, libertad, soltar, ' +
    'soltaron, lo soltaron, me soltaron, salir libre, let me go, let him go, let her go, ' +
    'let go, let out, let me out, get out of detention, got out of detention, got out of jail, ' +
    'when i got out, sali de la detencion, cuando sali, cuando lo soltaron, get out of jail, ' +
    'get him out, get her out, get them out, get my husband out, get someone out, bail out, ' +
    'bailed out, sacar a, sacarlo, sacarla, sacarlos, sacar de la carcel, ' +
    'sacar de la detencion, salir de la detencion, salir de la carcel',
  'sick, ill, illness, enfermo, enferma, enfermedad, hospital, hospitalizado, hospitalizada, ' +
    'emergency room, surgery, cirugia',
  'disclose, lo que les cuento, lo que le cuento, lo que les digo, lo que le digo, ' +
    'lo que escribo, lo que pongo aqui, lo que contesto, what i tell you, what i say here, ' +
    'what i write, what i put here, what i share, what i type, lo que les conte, ' +
    'lo que le conte, lo que les dije, lo que le dije, lo que escribi, lo que puse, ' +
    'lo que respondi, lo que conteste, what i told you, what i wrote, what i said, ' +
    'what i answered, what i typed, my answers, mis respuestas, who can see this, ' +
    'who sees this, who reads this, who can read this, quien ve esto, quien lee esto, ' +
    'quien puede ver, quien puede leer, who will see, who will read, who has access, ' +
    'quien tiene acceso, stay private, stays private',
  'childhood, came as a child, came here as a child, came as a kid, came here as a kid, ' +
    'brought here as a child, brought as a child, came as a baby, vine de nino, vine de nina, ' +
    'vine de chiquito, vine de chiquita, vine de pequeno, vine de pequena, vine de bebe, ' +
    'llegue de nino, llegue de nina, me trajeron de nino, me trajeron de nina, ' +
    'me trajeron de chiquito, me trajeron de bebe',
  'clocktime, what time is it, que hora es, que horas son, la hora',
  'fight, pelear, peleo, fight it, fight my case, defend, defender, defenderme, luchar, ' +
    'contest',
  'help, ayuda, ayudar, ayudan, ayudarme, ayudenme, ayudame, auxilio, socorro, help me',
  // Off topic (OFF_TOPIC below): everyday paperwork the firm does not answer
  'taxes, tax, taxes, impuestos, impuesto, taxas, itin, irs, w-2, w2, 1099, tax return, ' +
    'tax returns, declaracion de impuestos, income tax, hacer los taxes, file taxes, ' +
    'file my taxes, refund, reembolso, taxpayer',
  'passport, passports, pasaporte, pasaportes, pasport, pasaporte americano, us passport, ' +
    'pasaporte mexicano, consular id',
  'bank, banco, bank account, cuenta de banco, cuenta bancaria, credit card, ' +
    'tarjeta de credito, credit score, credito, loan, loans, prestamo, prestamos, mortgage, ' +
    'hipoteca, send money, enviar dinero, mandar dinero, remesa, remesas, western union, ' +
    'money transfer, wire money',
  'insurance, aseguranza, seguro medico, health insurance, seguro de salud, medicaid, ' +
    'medicare, medi-cal, medical, obamacare, car insurance, seguro del carro, ' +
    'seguro de carro',
  'benefits, food stamps, estampillas, estampillas de comida, cupones de comida, snap, wic, ' +
    'welfare, cash aid, ayuda del gobierno, unemployment, desempleo, stimulus, ' +
    'cheque de estimulo, child support, manutencion, pension alimenticia',
  'landlord, casero, casera, dueno de la casa, rent, renta, rentar, lease, ' +
    'contrato de renta, eviction, evict, desalojo, desalojar, heater, calefaccion',
  'divorce, divorcio, divorciarme, divorciar, divorced, divorciado, divorciada',
  'trafficticket, speeding ticket, traffic ticket, parking ticket, ' +
    'multa de transito, infraccion, towed, grua, tow truck, car accident, accidente de carro, ' +
    'choque, chocaron, crashed',
  'naturalize, naturalization, naturalizacion, naturalizarme, naturalizar, n-400, n400, ' +
    'civics, civica, examen de civica, citizenship test, citizenship exam, ' +
    'examen de ciudadania, examen de la ciudadania',
  'vote, votar, voto, election, elections, elecciones, jury, jurado, jury duty, army, ' +
    'ejercito, military, militar, marines, navy, enlist',
  'weather, clima, tiempo va a hacer, phone plan, plan de celular, recharge, recarga, ' +
    'kindergarten, kinder, enroll, inscribir, overtime, horas extra, workers comp, ' +
    'workers compensation, compensacion, me lastime, lastime, got hurt at work, ' +
    'hurt my back, espalda, back pain, injured at work, accidente de trabajo, ' +
    'medical bills, biles, bills, cuentas del doctor',
];

/**
 * Concepts (first entries of SYNONYMS groups) the firm has no article for, though clients ask:
 * a question about them gets no answer, even when another word in it matches an article.
 * Each counts heavily against coverage, whatever article mentions it in passing.
 */
export const OFF_TOPIC: readonly string[] = [
  'license',
  'social',
  'taxes',
  'passport',
  'bank',
  'insurance',
  'benefits',
  'landlord',
  'divorce',
  'trafficticket',
  'naturalize',
  'vote',
  'weather',
];

/**
 * Words common in everyday chat and narrative that say little about which article fits and
 * that the articles rarely use: "sorry", "worried", "situation", "conviene", "vivo". When an
 * article lacks them they weigh little, so a long message is judged by its telling words.
 */
export const EVERYDAY: readonly string[] =
  // English
  (
    'sorry apologize excuse bother think thought believe guess feel feeling felt worried worry ' +
    'worries nervous stressed stress confused confusing desperate anxious upset sad crying ' +
    'cry hope hoping hopefully pray praying write writing wrote late situation problem ' +
    'problems issue issues thing matter life live lives lived living exist exists existed ' +
    'worth benefit best better worse option idea advice suggest recommend recommendation ' +
    'info explain explanation understand simple simply exactly whole part half alot ' +
    'honest message text texting reading read chance maybe perhaps probably definitely ' +
    'cool great nice fine thank appreciate appreciated urgent urgently asap quick quickly ' +
    'fast soon anyway anyways though although whatever everybody somewhere anywhere ' +
    'nowhere nothing lately recently currently tomorrow busy different same similar ' +
    'type types kind kinds also either neither big small little huge nobody mine ' +
    // Spanish
    'perdon perdona perdone lamento siento sentir pienso pensar pense creo creer crei ' +
    'preocupado preocupada preocupados preocupa nervioso nerviosa estresado estresada ' +
    'confundido confundida desesperado desesperada triste llorando espero esperemos ' +
    'ojala rezando escribo escriba escribir escribi escribiendo mensaje mensajes situacion ' +
    'problema problemas asunto vida vivo vive vivimos viven vivir vivia existe existen ' +
    'existir conviene convenir vale mejor peor opcion idea consejo consejos recomienda ' +
    'recomiendan recomendacion explicar explica expliquen sencillo exactamente completo ' +
    'mitad honesto honesta urgente rapido rapida pronto cualquier cualquiera tipo tipos ' +
    'clase clases manera modo forma sepa sepan supe supo entere enteren ido hecho rato ' +
    'diferente distinto parecido'
  )
    .split(' ')
    .filter(Boolean);

/**
 * Phrases whose meaning is not the sum of their words: "en que carcel" is both finding someone
 * and detention, "fight it" (a decision) is an appeal, "a fight" is an assault. Each folds to
 * the concepts listed (first entries of SYNONYMS groups).
 */
export const COMPOUNDS: Record<string, string> = {
  'en que carcel': 'find detain',
  'que carcel': 'find detain',
  'which jail': 'find detain',
  'what jail': 'find detain',
  'en que centro de detencion': 'find detain',
  'que centro de detencion': 'find detain',
  'which detention center': 'find detain',
  'what detention center': 'find detain',
  'where are they holding': 'find detain',
  'where is he being held': 'find detain',
  'where is she being held': 'find detain',
  'donde lo tienen detenido': 'find detain',
  'donde la tienen detenida': 'find detain',
  'peticion familiar': 'petition family',
  'family petition': 'petition family',
  'family based petition': 'petition family',
  'fight it': 'appeal',
  'will you tell ice': 'disclose',
  'you tell ice': 'disclose',
  'tell ice what': 'disclose',
  'where i am from': 'born country',
  'where i come from': 'born country',
  'de donde soy': 'born country',
  'de donde vengo': 'born country',
  'de que pais soy': 'born country',
  'drug trafficking': 'crime',
  'trafico de drogas': 'crime',
  'car wash': 'work',
  'lavado de carros': 'work',
  carwash: 'work',
  'ice took': 'ice detain',
  'la migra se llevo': 'ice detain',
  'immigration took': 'immigration detain',
  'you charge': 'cost',
  'you guys charge': 'cost',
  'yall charge': 'cost',
  'they charge': 'cost',
  'charge me': 'cost',
  'charged me': 'cost',
  'charge for': 'cost',
  'me cambie de direccion': 'move address',
  'cambie de direccion': 'move address',
  'cambiar de direccion': 'move address',
  'cambiar mi direccion': 'move address',
  'change my address': 'move address',
  'custody of my': 'childcustody',
  'child custody': 'childcustody',
  'custodia de mis': 'childcustody',
  'custody of our': 'childcustody',
  'custodia de nuestros': 'childcustody',
  'a fight': 'assault',
  'una pelea': 'assault',
  'una rina': 'assault',
  'bar fight': 'assault',
  'fist fight': 'assault',
  'got in a fight': 'assault',
  'dar mi direccion': 'data share',
  'darles mi direccion': 'data share',
  'darle mi direccion': 'data share',
  'poner mi direccion': 'data share',
  'give my address': 'data share',
  'give you my address': 'data share',
  'share my address': 'data share',
  'put my address': 'data share',
  'donde estan ubicados': 'office firm',
  'where are you located': 'office firm',
  'where is your office': 'office firm',
  'donde esta su oficina': 'office firm',
  'donde queda su oficina': 'office firm',
  'bond hearing': 'bond hearing',
  'audiencia de fianza': 'bond hearing',
  'audiencia para fianza': 'bond hearing',
  'charges were dropped': 'crime dismiss',
  'charges dropped': 'crime dismiss',
  'dropped the charges': 'crime dismiss',
  'dropped my charges': 'crime dismiss',
  'charges were dismissed': 'crime dismiss',
  'me quitaron los cargos': 'crime dismiss',
  'retiraron los cargos': 'crime dismiss',
  'el caso se cayo': 'crime dismiss',
  'no me dejaban salir': 'forced',
  'no me dejan salir': 'forced',
  'no nos dejaban salir': 'forced',
  'would not let me leave': 'forced',
  'did not let me leave': 'forced',
  'not allowed to leave': 'forced',
  'a tiempo': 'deadline',
  'on time': 'deadline',
  'in time': 'deadline',
  'hablar con alguien': 'call',
  'hablo con alguien': 'call',
  'hablar con una persona': 'call',
  'talk to someone': 'call',
  'talk to a person': 'call',
  'speak to someone': 'call',
  'speak with someone': 'call',
  'fight the decision': 'appeal',
  'pelear la decision': 'appeal',
  'challenge the decision': 'appeal',
  'impugnar la decision': 'appeal',
};

/**
 * Texting shorthand and misspellings, word for word: what a client types on a phone keyboard.
 * Applied before everything else, to queries and documents alike.
 */
export const SPELLING: Record<string, string> = {
  // Spanish texting
  q: 'que',
  k: 'que',
  ke: 'que',
  qe: 'que',
  xq: 'porque',
  pq: 'porque',
  xk: 'porque',
  pk: 'porque',
  porq: 'porque',
  pa: 'para',
  pal: 'para el',
  tmb: 'tambien',
  tb: 'tambien',
  tmbn: 'tambien',
  tambn: 'tambien',
  x: 'por',
  xfa: 'por favor',
  xfavor: 'por favor',
  porfa: 'por favor',
  porfis: 'por favor',
  d: 'de',
  dnd: 'donde',
  cdo: 'cuando',
  cnd: 'cuando',
  nd: 'nada',
  bn: 'bien',
  sta: 'esta',
  toy: 'estoy',
  ta: 'esta',
  tons: 'entonces',
  ntons: 'entonces',
  aki: 'aqui',
  ahy: 'ahi',
  kiero: 'quiero',
  qiero: 'quiero',
  abogao: 'abogado',
  avogado: 'abogado',
  migrasion: 'migracion',
  deportasion: 'deportacion',
  deportacio: 'deportacion',
  detension: 'detencion',
  ciudadno: 'ciudadano',
  cuidadano: 'ciudadano',
  cuidadana: 'ciudadana',
  recidencia: 'residencia',
  residensia: 'residencia',
  fiansa: 'fianza',
  asilio: 'asilo',
  corrte: 'corte',
  kaso: 'caso',
  grasias: 'gracias',
  ola: 'hola',
  ijo: 'hijo',
  ija: 'hija',
  // English texting
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  bcuz: 'because',
  cause: 'because',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whats: 'what',
  hw: 'how',
  wen: 'when',
  wher: 'where',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  wouldnt: 'would not',
  couldnt: 'could not',
  werent: 'were not',
  im: 'i am',
  ive: 'i have',
  theyre: 'they are',
  theyll: 'they will',
  youre: 'you are',
  hes: 'he is',
  shes: 'she is',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'have to',
  lemme: 'let me',
  govt: 'government',
  gov: 'government',
  bf: 'boyfriend',
  gf: 'girlfriend',
  hubs: 'husband',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  atty: 'attorney',
  lawyr: 'lawyer',
  layer: 'lawyer',
  imigration: 'immigration',
  immagration: 'immigration',
  imigrant: 'immigrant',
  deportated: 'deported',
  asilum: 'asylum',
  asylm: 'asylum',
  gc: 'greencard',
  citizan: 'citizen',
  sitizen: 'citizen',
  citicen: 'citizen',
};

/**
 * Words that mean one thing in English and another in Spanish. Indexed text uses the article's
 * language; a question uses the language the client is writing in.
 */
export const BY_LANGUAGE: Record<Language, Record<string, string | null>> = {
  en: { son: 'child' },
  es: { son: null, case: 'marry', bar: 'work' },
};

/**
 * Words that say nothing about which article fits, dropped before matching: function words,
 * greetings and chat filler, everyday verbs, time words and US places, in both languages.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // English function words
    'a about above after again against all am an and any are as at be because been before being ' +
      'below between both but by can could did do does doing down during each few for from ' +
      'further had has have having he her here hers herself him himself his how i if in into is ' +
      'it its itself let me more most my myself no nor not of off on once only or other ought ' +
      'our ours ourselves out over own same she should so some such than that the their theirs ' +
      'them themselves then there these they this those through to too under until up very was ' +
      'we were what when where which while who whom why with would you your yours yourself ' +
      'yourselves will shall may might must could would supposed able besides apart us',
    // English chat filler and everyday words
    'just also really now anything something someone somebody anyone anybody everyone nobody ' +
      'everything thing things stuff even still ever yet already like um uh oh lol ok okay yes ' +
      'yeah yep hi hello hey thanks thank please sir maam guys guy dear etc wondering wonder ' +
      'wondered question questions well sure kind sort way lot lots much many one two three four ' +
      'five six seven eight nine last first new old good bad people person else true real ' +
      'possible possibly normal name named right actually basically literally honestly seriously ' +
      'currently system systems program programs open opens minimum maximum thousand grand ' +
      'outside inside past',
    // English everyday verbs
    'know knew need needs want wants wanted trying try tried going go goes went gone get gets ' +
      'got gotten getting give gives gave make makes made say says said saying tell told ask ' +
      'asked asking mean means meant happen happens happened happening done take takes took ' +
      'taking put puts putting lets see saw seen look looks looking use used using come comes ' +
      'coming came keep kept talk talking understand understood accept accepts',
    // English contractions, apostrophe dropped
    'whats shes hes theyre youre im ive id dont doesnt didnt cant wont isnt arent wasnt werent ' +
      'havent hasnt hadnt couldnt shouldnt wouldnt its theres heres thats',
    // Spanish function words
    'de la que el en y a los del se las por un para con no una su al lo como mas pero sus le ya ' +
      'o u e este si porque esta entre cuando muy sin sobre tambien me hasta hay donde quien ' +
      'desde todo nos durante todos uno les ni contra otros ese eso ante ellos esto mi antes ' +
      'algunos unos yo otro otras otra tanto esa estos mucho quienes nada muchos cual cuales poco ' +
      'ella estas algunas algo nosotros mis tu te ti tus ellas nosotras os mio mia mios mias tuyo ' +
      'tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras esos esas ' +
      'ustedes usted vos ahi aqui aca alla alli aparte afuera adentro fuera despues luego ' +
      'primer primera primero primeros primeras',
    // Spanish chat filler and everyday words
    'hola buenas buenos buen bueno buena gracias muchas favor dios bendiga bendiciones saludos ' +
      'disculpe disculpa molestia oiga oye senor senora senorita pues entonces osea tal vez ' +
      'igual asi solo sola cosa cosas algun alguna alguien alguno nadie ninguno ninguna cada ' +
      'mismo misma tan tampoco todavia aun siempre nunca luego okey sip nop claro ademas casi ' +
      'digame quisiera gustaria pregunta preguntas consulto nomas poquito rato vez veces recien ' +
      'verdad cierto posible sistema programa programas abierto abierta abiertos minimo minima ' +
      'maximo mil viejo vieja viejos proceso procesos tramite tramites pasado pasada proceeding ' +
      'proceedings',
    // Spanish everyday verbs
    'estar estoy estamos estan estaba estaban estuvo estuve estado soy eres es somos son sea ' +
      'sean era eras eramos eran fui fue fuimos fueron ser sido siendo he has ha hemos han haya ' +
      'habia habian hubo tengo tienes tiene tenemos tienen tenga tengan tenia tenian tuve tuvo ' +
      'tuvimos tuvieron tener hago hace hacen hacemos hacer hizo hice haga hagan puedo puede ' +
      'pueden podemos poder podria podrian pudo pueda puedan pudiera pudieran podre quiero quiere ' +
      'quieren queremos querer necesito necesita necesitamos necesitan sabe saber sabemos sabes ' +
      'voy va vas vamos van iba iban ir dice dicen dijo dijeron decir digo dicho pasa pasar paso ' +
      'acaban acaba acabo acabar quitar quitan quito quiten quitaron quite poner pongo pone ponen ' +
      'puse puso pusieron pusiera dar doy da dan dio dieron den dado dejar deja dejan dejen dejo ' +
      'dejaron dejaba dejaban sacar saco saca sacan sacarme saque usar uso usa usan servir sirve ' +
      'sirven sirva funciona funcionan funcionar funciono venir vengo viene vienen vine vino ' +
      'vinieron vinimos llegar llego llegaron llegue ver veo ve vea visto mirar mira oir entender ' +
      'entiendo hablar hablo habla hablamos aceptan acepta aceptar',
    // Time words, both languages
    'today yesterday tomorrow tonight morning afternoon evening night weekend since ago later ' +
      'soon month months week weeks day days hour hours minute minutes hoy ayer manana ahora ' +
      'ahorita tardes noche noches dias mes meses semana semanas dia hora horas minuto minutos ' +
      'momento monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles ' +
      'jueves viernes sabado domingo january february march april june july august september ' +
      'october november december enero febrero marzo abril mayo junio julio agosto septiembre ' +
      'octubre noviembre diciembre pm',
    // Body parts ("el grillete en el pie")
    'pie pies foot feet pierna leg brazo arm mano hand',
    // Places in the US
    'texas california florida arizona nevada georgia illinois colorado oregon washington ' +
      'carolina jersey york houston dallas austin chicago angeles los diego miami phoenix denver ' +
      'atlanta seattle sacramento fresno oakland francisco jose antonio vegas nuevo nueva city ' +
      'ciudad condado county estado state states town pueblo',
  ]
    .join(' ')
    .split(/\s+/),
);

/**
 * Concepts that say who a question is about or how the client feels, not what it is about:
 * "my brother", "I'm scared", "for years". An article that lacks one of them can still answer,
 * so the search counts them less when they go unmatched.
 */
export const CONTEXT_TERMS: ReadonlySet<string> = new Set([
  'spouse',
  'partner',
  'child',
  'parent',
  'sibling',
  'relative',
  'fear',
  'years',
  'english',
  'spanish',
  'family',
  'undocumented',
  'fight',
  'ten',
  'lpr7',
]);
